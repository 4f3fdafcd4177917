/**
 * Redaction before any prompt: secrets and personal data found in text and replaced by stable
 * per-tenant pseudonyms, with a receipt that counts what was replaced and holds none of it.
 */
package dev.sremcp.domain.redaction;
