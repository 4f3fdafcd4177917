/**
 * The language model behind explanations: {@code OllamaLanguageModel}, a pool of Ollama servers
 * reached through ollama4j, and {@link dev.sremcp.inference.InferenceModule}, which binds it.
 */
package dev.sremcp.inference;
