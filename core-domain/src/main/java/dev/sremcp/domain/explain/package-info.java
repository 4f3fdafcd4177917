/**
 * What the language model is shown and what it may answer: a bounded evidence pack built from an
 * analysis (never from the raw input), versioned prompts with a fixed budget, the JSON a reply must
 * match, and the models each tier may use. Redaction ({@code domain.redaction}) runs on the pack
 * before any prompt is built.
 */
package dev.sremcp.domain.explain;
