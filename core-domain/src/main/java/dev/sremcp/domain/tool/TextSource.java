package dev.sremcp.domain.tool;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Objects;

/**
 * A text argument that an analyzer reads as a stream: the {@code content} of a call, or a file the
 * command line streams without holding it in memory. Analyzers that read line by line take it with
 * {@link Arguments#text(String)}; others read it whole with {@link Arguments#string(String)}.
 */
public interface TextSource {

  /** Opens the text from its start; the caller closes the reader. */
  Reader open() throws IOException;

  /** Text held in memory, such as the content of an MCP call. */
  static TextSource of(String text) {
    Objects.requireNonNull(text, "text");
    return new TextSource() {
      @Override
      public Reader open() {
        return new StringReader(text);
      }

      @Override
      public String toString() {
        return text;
      }
    };
  }
}
