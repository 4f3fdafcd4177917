package dev.sremcp.domain.text;

/** Tells text from binary data by its opening characters. */
public final class TextCheck {

  /** The share of control or undecodable characters above which data is not text. */
  static final double MAX_NON_TEXT = 0.10;

  private TextCheck() {}

  /**
   * @throws BinaryInputException when the characters hold a NUL, or more than 10 % control
   *     characters or bytes that were not valid UTF-8
   */
  public static void requireText(char[] chars, int start, int end) {
    int nonText = 0;
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c == 0) {
        throw new BinaryInputException(
            "the input is binary data, not text: it holds a NUL byte at character " + (i - start));
      }
      if (c == '\uFFFD'
          || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
          || c == 0x7f) {
        nonText++;
      }
    }
    int sampled = end - start;
    if (sampled > 0 && nonText > MAX_NON_TEXT * sampled) {
      throw new BinaryInputException(
          "the input is binary data, not text: "
              + nonText
              + " of its first "
              + sampled
              + " characters are control characters or invalid UTF-8 (the limit is "
              + Math.round(MAX_NON_TEXT * 100)
              + " %)");
    }
  }
}
