package dev.sremcp.domain.terraform;

import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** A rule of {@code review_terraform} and the check that finds its breaches in a configuration. */
record TerraformCheck(Rule rule, Check check) {

  /** Finds breaches of one rule over every block of a configuration. */
  @FunctionalInterface
  interface Check {
    void run(Configuration configuration, Sink sink);
  }

  /** Where a check reports: the block, the line the finding cites, and what is wrong. */
  @FunctionalInterface
  interface Sink {
    void at(Block block, int line, String message);

    /** Reports at the line of the node at {@code path}, or the block's line when it is empty. */
    default void flag(Block block, String path, String message) {
      at(block, path.isEmpty() ? block.line() : block.lineOf(path), message);
    }
  }

  /**
   * A rule id {@code terraform.<tfsec id>} covering the tfsec check of that id, listed among the
   * peer rules of its cloud ({@code tfsec-aws:aws-s3-...}).
   */
  static TerraformCheck tfsec(
      String tfsecId, Severity severity, String title, String rationale, String fix, Check check) {
    String peer = "tfsec-" + tfsecId.substring(0, tfsecId.indexOf('-')) + ":" + tfsecId;
    return new TerraformCheck(
        Rule.of("terraform." + tfsecId, severity, title, rationale, fix, peer), check);
  }

  /** A rule of ours, covering the peer rules named. */
  static TerraformCheck own(
      String id,
      Severity severity,
      String title,
      String rationale,
      String fix,
      Check check,
      String... peers) {
    return new TerraformCheck(
        Rule.of("terraform." + id, severity, title, rationale, fix, peers), check);
  }

  /** Runs {@code each} over every resource of the types (comma-separated). */
  static Check each(String types, BiConsumer<Block, Sink> each) {
    Set<String> wanted = Set.of(types.split(","));
    return (configuration, sink) -> {
      for (Block block : configuration.blocks()) {
        if (block.kind().equals("resource") && wanted.contains(block.type())) {
          each.accept(block, sink);
        }
      }
    };
  }

  /** Flags resources whose {@code path} is not a known {@code true} (an expression passes). */
  static Check mustBeTrue(String types, String path, String what) {
    return each(
        types,
        (block, sink) -> {
          if (!block.isTrue(path) && !block.isUnknown(path)) {
            sink.flag(
                block,
                path,
                block.address()
                    + " "
                    + what
                    + (block.has(path)
                        ? " (" + path + " is false)"
                        : " (" + path + " is not set)"));
          }
        });
  }

  /** Flags resources whose {@code path} is a known {@code true}. */
  static Check mustNotBeTrue(String types, String path, String what) {
    return each(
        types,
        (block, sink) -> {
          if (block.isTrue(path)) {
            sink.flag(block, path, block.address() + " " + what);
          }
        });
  }

  /** Flags resources where {@code path} is unset or a known empty string. */
  static Check mustBeSet(String types, String path, String what) {
    return each(
        types,
        (block, sink) -> {
          Optional<Node> node = block.get(path);
          boolean missing =
              node.isEmpty()
                  || node.get() instanceof ScalarNode scalar
                      && !scalar.isExpression()
                      && (scalar.isNull() || scalar.value().isBlank());
          if (missing) {
            sink.flag(block, path, block.address() + " " + what + " (" + path + " is not set)");
          }
        });
  }

  /**
   * Flags resources where the known value at {@code path} fails {@code good}; unset counts as
   * {@code unset}.
   */
  static Check value(String types, String path, String unset, Predicate<String> good, String what) {
    return each(
        types,
        (block, sink) -> {
          if (block.isUnknown(path)) {
            return;
          }
          String value = block.text(path).orElse(unset);
          if (value != null && !good.test(value)) {
            sink.flag(
                block,
                path,
                block.address()
                    + " "
                    + what
                    + " ("
                    + path
                    + " = "
                    + (block.has(path) ? value : "unset, so " + value)
                    + ")");
          }
        });
  }

  /** Flags every resource of the types: they should not be declared at all. */
  static Check declared(String types, String what) {
    return each(types, (block, sink) -> sink.flag(block, "", block.address() + " " + what));
  }

  static Predicate<String> oneOf(String... values) {
    List<String> allowed = List.of(values);
    return allowed::contains;
  }
}
