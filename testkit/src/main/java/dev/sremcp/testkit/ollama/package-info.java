/** A scripted fake of the Ollama HTTP API, for tests of the Ollama client adapter. */
package dev.sremcp.testkit.ollama;
