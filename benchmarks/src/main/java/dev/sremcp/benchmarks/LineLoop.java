package dev.sremcp.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The physical limit that {@code benchmarks/run-logs.sh} compares {@code analyze_logs} with: a
 * plain Java loop that reads a file line by line, decoding UTF-8, and does nothing else.
 */
public final class LineLoop {

  private LineLoop() {}

  public static void main(String[] args) throws IOException {
    long lines = 0;
    long chars = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(Path.of(args[0])), StandardCharsets.UTF_8),
            64 * 1024)) {
      for (String line; (line = in.readLine()) != null; ) {
        lines++;
        chars += line.length();
      }
    }
    System.out.println(lines + " lines, " + chars + " characters");
  }
}
