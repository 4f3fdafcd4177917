package dev.sremcp.domain.hcl;

import java.util.List;
import java.util.Objects;

/**
 * A block such as {@code resource "aws_s3_bucket" "logs" { ... }}: its type, its labels and its
 * body, with the lines from its type to its closing brace.
 */
public record HclBlock(String type, List<String> labels, HclBody body, int line, int endLine)
    implements HclItem {

  public HclBlock {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    Objects.requireNonNull(body, "body");
  }
}
