package dev.sremcp.domain.hcl;

import java.util.Arrays;

/**
 * Reads HCL tokens one at a time from a position the parser controls, skipping spaces and comments;
 * the parser says whether newlines are tokens or spaces where it stands. Template content is read
 * character by character by {@link TemplateReader}.
 */
final class Lexer {

  /** Kinds of token. */
  enum Kind {
    IDENT,
    NUMBER,
    PUNCT,
    NEWLINE,
    QUOTE,
    HEREDOC,
    INVALID,
    EOF
  }

  /** One token: its kind, its text (for a heredoc, the introducer such as {@code <<-EOF}). */
  record Token(Kind kind, String text, int start, int end) {

    boolean is(String punct) {
      return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isWord(String word) {
      return kind == Kind.IDENT && text.equals(word);
    }

    String describe() {
      return switch (kind) {
        case IDENT -> "\"" + text + "\"";
        case NUMBER -> "the number " + text;
        case PUNCT -> "'" + text + "'";
        case NEWLINE -> "a newline";
        case QUOTE -> "a string";
        case HEREDOC -> "a heredoc";
        case INVALID -> "the character " + text;
        case EOF -> "the end of the input";
      };
    }
  }

  private static final String[] LONG_PUNCTS = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>"};
  private static final String SHORT_PUNCTS = "+-*/%<>!?:=.,()[]{}";

  private final String text;
  private final int length;
  private final int[] lineStarts;
  private final int lineCount;
  private int pos;

  Lexer(String text) {
    this.text = text;
    this.length = text.length();
    int lines = 1;
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int line = 1;
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    this.lineStarts = starts;
    this.lineCount = lines;
    this.pos = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
  }

  String text() {
    return text;
  }

  int length() {
    return length;
  }

  int pos() {
    return pos;
  }

  void pos(int pos) {
    this.pos = pos;
  }

  int line(int offset) {
    int found = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** "line 3, column 9", for messages that point back at an opening delimiter. */
  String where(int offset) {
    return "line " + line(offset) + ", column " + column(offset);
  }

  HclSyntaxException error(int offset, String problem) {
    return new HclSyntaxException(line(offset), column(offset), problem);
  }

  HclSyntaxException limit(int offset, String problem) {
    return HclSyntaxException.limit(line(offset), column(offset), problem);
  }

  HclSpan span(int start, int end) {
    int last = Math.max(start, end - 1);
    return new HclSpan(text, start, end, line(start), column(start), line(last), column(last));
  }

  /** Skips spaces, tabs, carriage returns and comments, and newlines unless they are tokens. */
  void skipTrivia(boolean newlines) {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !newlines)) {
        pos++;
      } else if (c == '#' || (c == '/' && next(pos) == '/')) {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? length : end;
      } else if (c == '/' && next(pos) == '*') {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(pos, "unclosed comment: no '*/' after the '/*' at " + where(pos));
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** The token at the current position, after which the position stands. */
  Token next(boolean newlines) {
    skipTrivia(newlines);
    int start = pos;
    if (start >= length) {
      return new Token(Kind.EOF, "", length, length);
    }
    char c = text.charAt(start);
    if (c == '\n') {
      return token(Kind.NEWLINE, start + 1);
    }
    if (c == '"') {
      return token(Kind.QUOTE, start + 1);
    }
    if (isDigit(c)) {
      return token(Kind.NUMBER, numberEnd(start));
    }
    int identEnd = identEnd(start);
    if (identEnd > start) {
      return token(Kind.IDENT, identEnd);
    }
    if (c == '<' && next(start) == '<') {
      return heredoc(start);
    }
    for (String punct : LONG_PUNCTS) {
      if (text.startsWith(punct, start)) {
        return token(Kind.PUNCT, start + punct.length());
      }
    }
    if (SHORT_PUNCTS.indexOf(c) >= 0) {
      return token(Kind.PUNCT, start + 1);
    }
    int end = start + Character.charCount(text.codePointAt(start));
    pos = end;
    return new Token(Kind.INVALID, describeChar(text.codePointAt(start)), start, end);
  }

  /** The end of the identifier starting at offset, or offset itself when none starts there. */
  int identEnd(int offset) {
    if (offset >= length) {
      return offset;
    }
    int cp = text.codePointAt(offset);
    if (cp != '_' && !Character.isUnicodeIdentifierStart(cp)) {
      return offset;
    }
    int i = offset + Character.charCount(cp);
    while (i < length) {
      cp = text.codePointAt(i);
      boolean part =
          cp == '-'
              || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
      if (!part) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** The end of the run of ASCII digits starting at offset. */
  int digitsEnd(int offset) {
    int i = offset;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int numberEnd(int start) {
    int i = digitsEnd(start);
    if (i + 1 < length && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
      i = digitsEnd(i + 1);
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < length && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        j++;
      }
      if (j < length && isDigit(text.charAt(j))) {
        i = digitsEnd(j);
      }
    }
    return i;
  }

  private Token heredoc(int start) {
    int i = start + 2;
    if (i < length && text.charAt(i) == '-') {
      i++;
    }
    int markerEnd = identEnd(i);
    if (markerEnd == i) {
      throw error(start, "expected a heredoc marker such as <<EOF after '<<'");
    }
    String introducer = text.substring(start, markerEnd);
    int end = markerEnd;
    if (end < length && text.charAt(end) == '\r') {
      end++;
    }
    if (end >= length || text.charAt(end) != '\n') {
      throw error(end, "expected a newline right after the heredoc introducer " + introducer);
    }
    pos = end + 1;
    return new Token(Kind.HEREDOC, introducer, start, end + 1);
  }

  private Token token(Kind kind, int end) {
    int start = pos;
    pos = end;
    return new Token(kind, text.substring(start, end), start, end);
  }

  private char next(int offset) {
    return offset + 1 < length ? text.charAt(offset + 1) : '\0';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String describeChar(int cp) {
    if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp)) {
      return String.format("U+%04X", cp);
    }
    String shown = "'" + new String(Character.toChars(cp)) + "'";
    return cp == '\'' ? shown + " (strings use double quotes)" : shown;
  }
}
