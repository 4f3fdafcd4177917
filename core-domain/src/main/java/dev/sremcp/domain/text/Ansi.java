package dev.sremcp.domain.text;

/**
 * Removes terminal escape sequences (colours, cursor moves, GitLab's {@code \e[0K}) from a line, as
 * CI logs carry them. One pass, no regular expression.
 */
public final class Ansi {

  private static final char ESC = 0x1b;

  private Ansi() {}

  public static String strip(String line) {
    int escape = line.indexOf(ESC);
    if (escape < 0) {
      return line;
    }
    StringBuilder plain = new StringBuilder(line.length());
    plain.append(line, 0, escape);
    int i = escape;
    int length = line.length();
    while (i < length) {
      char c = line.charAt(i);
      if (c != ESC) {
        plain.append(c);
        i++;
        continue;
      }
      i++;
      if (i < length && line.charAt(i) == '[') {
        // CSI: parameters and intermediates, then one final byte in @..~
        i++;
        while (i < length && (line.charAt(i) < '@' || line.charAt(i) > '~')) {
          i++;
        }
        i++;
      } else if (i < length && line.charAt(i) == ']') {
        // OSC: up to BEL or ESC \
        while (i < length && line.charAt(i) != 0x07 && line.charAt(i) != ESC) {
          i++;
        }
        i += i < length && line.charAt(i) == ESC ? 2 : 1;
      } else {
        i++;
      }
    }
    return plain.toString();
  }
}
