package dev.sremcp.benchmarks;

import dev.sremcp.domain.redaction.Redacted;
import dev.sremcp.domain.redaction.Redactor;
import dev.sremcp.domain.redaction.SecretKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what the redactor replaces in logs that hold no secrets (LogHub's), the false-positive
 * figure docs/benchmarks.md reports: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.sremcp.benchmarks.RedactionScan ../shared/benchmarks/loghub-2k/}{@code *}{@code /*_2k.log}.
 */
public final class RedactionScan {

  private RedactionScan() {}

  public static void main(String[] files) throws IOException {
    Redactor redactor =
        new Redactor(
            "benchmark-tenant-key-0123".getBytes(StandardCharsets.UTF_8), Redactor.Options.DEFAULT);
    Map<SecretKind, Integer> total = new EnumMap<>(SecretKind.class);
    long lines = 0;
    for (String file : files) {
      String text = Files.readString(Path.of(file));
      lines += text.lines().count();
      Redacted redacted = redactor.redact(text);
      System.out.println(Path.of(file).getFileName() + " " + redacted.receipt().counts());
      redacted
          .originals()
          .forEach(
              (pseudonym, original) -> {
                if (!pseudonym.startsWith("<ipv") && !pseudonym.startsWith("<email")) {
                  System.out.println("  " + pseudonym + " = " + original);
                }
              });
      redacted.receipt().counts().forEach((kind, count) -> total.merge(kind, count, Integer::sum));
    }
    System.out.println(lines + " lines: " + total);
  }
}
