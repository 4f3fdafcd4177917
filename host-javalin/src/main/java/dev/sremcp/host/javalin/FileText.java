package dev.sremcp.host.javalin;

import dev.sremcp.domain.tool.TextSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file, or standard input, as a text an analyzer streams: it is never held in memory whole, so
 * {@code sre-mcp analyze analyze_logs} reads a log of any size. Bytes that are not valid UTF-8 are
 * read as U+FFFD, which the analyzers count.
 */
final class FileText implements TextSource {

  private final Path file;
  private boolean stdinOpened;

  FileText(Path file) {
    this.file = file;
  }

  static boolean isStandardInput(Path file) {
    return file.toString().equals("-");
  }

  @Override
  public synchronized Reader open() throws IOException {
    InputStream in;
    if (isStandardInput(file)) {
      if (stdinOpened) {
        throw new IOException("standard input can be read only once");
      }
      stdinOpened = true;
      in = System.in;
    } else {
      in = Files.newInputStream(file);
    }
    // InputStreamReader replaces malformed input with U+FFFD rather than failing
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return isStandardInput(file) ? "standard input" : file.toString();
  }
}
