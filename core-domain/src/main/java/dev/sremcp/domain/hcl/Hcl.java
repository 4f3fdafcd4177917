package dev.sremcp.domain.hcl;

import java.util.Objects;

/**
 * Parses HCL native syntax, the language of Terraform {@code .tf} files, into bodies, blocks,
 * attributes and expressions that carry their line numbers. Nothing is evaluated.
 */
public final class Hcl {

  /** The longest input accepted, in characters. */
  public static final int MAX_CHARS = 8_388_608;

  /** The deepest nesting of blocks and expressions accepted. */
  public static final int MAX_DEPTH = 128;

  private Hcl() {}

  /**
   * Parses a whole file.
   *
   * @throws HclSyntaxException when the text is not valid HCL, or exceeds a limit
   */
  public static HclBody parse(String text) {
    checkSize(text);
    return new Parser(text).file();
  }

  /**
   * Parses one expression, such as {@code var.a ? "x" : "y"}; newlines inside it are ignored.
   *
   * @throws HclSyntaxException when the text is not one valid expression, or exceeds a limit
   */
  public static HclExpr parseExpression(String text) {
    checkSize(text);
    return new Parser(text).standaloneExpression();
  }

  private static void checkSize(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_CHARS) {
      throw HclSyntaxException.limit(
          1,
          1,
          "the input is "
              + text.length()
              + " characters long, over the limit of "
              + MAX_CHARS
              + " characters");
    }
  }
}
