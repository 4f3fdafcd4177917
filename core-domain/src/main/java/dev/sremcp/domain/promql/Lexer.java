package dev.sremcp.domain.promql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits an expression into tokens, one at a time, with the same states and error messages as
 * Prometheus's lexer: a number right after {@code [} must be a duration, keywords are plain
 * identifiers inside braces, and any letter inside brackets acts as the subquery colon.
 */
final class Lexer {

  private static final int EOF = -1;
  private static final String DIGITS = "0123456789";
  private static final String HEX_DIGITS = "0123456789abcdefABCDEF";
  private static final Map<String, TokenType> KEYWORDS = new HashMap<>();

  static {
    KEYWORDS.put("and", TokenType.LAND);
    KEYWORDS.put("or", TokenType.LOR);
    KEYWORDS.put("unless", TokenType.LUNLESS);
    KEYWORDS.put("atan2", TokenType.ATAN2);
    for (TokenType type : TokenType.values()) {
      switch (type.group()) {
        case AGGREGATOR, KEYWORD, PREPROCESSOR ->
            KEYWORDS.put(type.name().toLowerCase(Locale.ROOT), type);
        default -> {
          // operators are symbols, apart from the four above
        }
      }
    }
    KEYWORDS.put("inf", TokenType.NUMBER);
    KEYWORDS.put("nan", TokenType.NUMBER);
  }

  private enum Mode {
    STATEMENTS,
    BRACES,
    DURATION,
    DONE
  }

  private final String in;
  private int pos;
  private int start;
  private int width;
  private int parenDepth;
  private boolean bracketOpen;
  private boolean gotColon;
  private Mode mode = Mode.STATEMENTS;

  Lexer(String in) {
    this.in = in;
  }

  /** The next token that is not a comment; throws on a lexical error. */
  Token next() {
    while (true) {
      Token token =
          switch (mode) {
            case STATEMENTS -> statements();
            case BRACES -> insideBraces();
            case DURATION -> duration();
            case DONE -> new Token(TokenType.EOF, start, "");
          };
      if (token != null && token.type() != TokenType.COMMENT) {
        return token;
      }
    }
  }

  private int read() {
    if (pos >= in.length()) {
      width = 0;
      return EOF;
    }
    int r = in.codePointAt(pos);
    width = Character.charCount(r);
    pos += width;
    return r;
  }

  private void backup() {
    pos -= width;
  }

  private int peek() {
    int r = read();
    backup();
    return r;
  }

  private boolean accept(String valid) {
    int r = read();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  private Token emit(TokenType type) {
    Token token = new Token(type, start, in.substring(start, pos));
    start = pos;
    return token;
  }

  private void skipSpaces() {
    while (isSpace(peek())) {
      read();
    }
    start = pos;
  }

  private PromQlSyntaxException fail(String problem) {
    return new PromQlSyntaxException(in, start, problem);
  }

  private Token statements() {
    if (in.startsWith("#", pos)) {
      return comment();
    }
    int r = read();
    if (r == EOF) {
      if (parenDepth != 0) {
        throw fail("unclosed left parenthesis");
      }
      if (bracketOpen) {
        throw fail("unclosed left bracket");
      }
      mode = Mode.DONE;
      return emit(TokenType.EOF);
    }
    if (isSpace(r)) {
      skipSpaces();
      return null;
    }
    switch (r) {
      case ',' -> {
        return emit(TokenType.COMMA);
      }
      case '*' -> {
        return emit(TokenType.MUL);
      }
      case '/' -> {
        return emit(TokenType.DIV);
      }
      case '%' -> {
        return emit(TokenType.MOD);
      }
      case '+' -> {
        return emit(TokenType.ADD);
      }
      case '-' -> {
        return emit(TokenType.SUB);
      }
      case '^' -> {
        return emit(TokenType.POW);
      }
      case '@' -> {
        return emit(TokenType.AT);
      }
      case '=' -> {
        int t = peek();
        if (t == '=') {
          read();
          return emit(TokenType.EQLC);
        }
        if (t == '~') {
          throw fail("unexpected character after '=': " + GoText.quoteRune(t));
        }
        return emit(TokenType.EQL);
      }
      case '!' -> {
        int t = read();
        if (t == '=') {
          return emit(TokenType.NEQ);
        }
        throw fail("unexpected character after '!': " + GoText.quoteRune(t));
      }
      case '<' -> {
        if (peek() == '=') {
          read();
          return emit(TokenType.LTE);
        }
        return emit(TokenType.LSS);
      }
      case '>' -> {
        if (peek() == '=') {
          read();
          return emit(TokenType.GTE);
        }
        return emit(TokenType.GTR);
      }
      case '"', '\'' -> {
        return string(r);
      }
      case '`' -> {
        return rawString();
      }
      case '(' -> {
        parenDepth++;
        return emit(TokenType.LEFT_PAREN);
      }
      case ')' -> {
        Token token = emit(TokenType.RIGHT_PAREN);
        parenDepth--;
        if (parenDepth < 0) {
          throw fail("unexpected right parenthesis ')'");
        }
        return token;
      }
      case '{' -> {
        mode = Mode.BRACES;
        return emit(TokenType.LEFT_BRACE);
      }
      case '[' -> {
        if (bracketOpen) {
          throw fail("unexpected left bracket '['");
        }
        gotColon = false;
        Token token = emit(TokenType.LEFT_BRACKET);
        skipSpaces();
        bracketOpen = true;
        mode = Mode.DURATION;
        return token;
      }
      case ']' -> {
        if (!bracketOpen) {
          throw fail("unexpected right bracket ']'");
        }
        bracketOpen = false;
        return emit(TokenType.RIGHT_BRACKET);
      }
      default -> {
        if (isDigit(r) || (r == '.' && isDigit(peek()))) {
          backup();
          return numberOrDuration();
        }
        if (isAlpha(r) || r == ':') {
          if (!bracketOpen) {
            backup();
            return keywordOrIdentifier();
          }
          if (gotColon) {
            throw fail("unexpected colon " + GoText.quoteRune(r));
          }
          gotColon = true;
          return emit(TokenType.COLON);
        }
        throw fail("unexpected character: " + GoText.quoteRune(r));
      }
    }
  }

  private Token insideBraces() {
    if (in.startsWith("#", pos)) {
      return comment();
    }
    int r = read();
    if (r == EOF) {
      throw fail("unexpected end of input inside braces");
    }
    if (isSpace(r)) {
      skipSpaces();
      return null;
    }
    if (isAlpha(r)) {
      while (isAlphaNumeric(read())) {
        // absorb
      }
      backup();
      return emit(TokenType.IDENTIFIER);
    }
    switch (r) {
      case ',' -> {
        return emit(TokenType.COMMA);
      }
      case '"', '\'' -> {
        return string(r);
      }
      case '`' -> {
        return rawString();
      }
      case '=' -> {
        if (read() == '~') {
          return emit(TokenType.EQL_REGEX);
        }
        backup();
        return emit(TokenType.EQL);
      }
      case '!' -> {
        int next = read();
        if (next == '~') {
          return emit(TokenType.NEQ_REGEX);
        }
        if (next == '=') {
          return emit(TokenType.NEQ);
        }
        throw fail("unexpected character after '!' inside braces: " + GoText.quoteRune(next));
      }
      case '{' -> throw fail("unexpected left brace '{'");
      case '}' -> {
        mode = Mode.STATEMENTS;
        return emit(TokenType.RIGHT_BRACE);
      }
      default -> throw fail("unexpected character inside braces: " + GoText.quoteRune(r));
    }
  }

  private Token comment() {
    pos++;
    int r = read();
    while (r != '\r' && r != '\n' && r != EOF) {
      r = read();
    }
    backup();
    return emit(TokenType.COMMENT);
  }

  private Token duration() {
    mode = Mode.STATEMENTS;
    if (scanNumber()) {
      throw fail("missing unit character in duration");
    }
    if (!acceptRemainingDuration()) {
      throw fail("bad duration syntax: " + GoText.quote(in.substring(start, pos)));
    }
    backup();
    return emit(TokenType.DURATION);
  }

  private Token numberOrDuration() {
    if (scanNumber()) {
      return emit(TokenType.NUMBER);
    }
    if (acceptRemainingDuration()) {
      backup();
      return emit(TokenType.DURATION);
    }
    throw fail("bad number or duration syntax: " + GoText.quote(in.substring(start, pos)));
  }

  /** Reads the units of a duration after its first number; false if they are malformed. */
  private boolean acceptRemainingDuration() {
    if (!accept("smhdwy")) {
      return false;
    }
    accept("s");
    while (accept(DIGITS)) {
      acceptRun(DIGITS);
      if (!accept("smhdw")) {
        return false;
      }
      accept("s");
    }
    return !isAlphaNumeric(read());
  }

  /** Reads a number in any of its forms; true if no letter or digit follows it. */
  private boolean scanNumber() {
    String digits = DIGITS;
    if (accept("0") && accept("xX")) {
      digits = HEX_DIGITS;
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(DIGITS);
    }
    return !isAlphaNumeric(peek());
  }

  private Token keywordOrIdentifier() {
    int r = read();
    while (isAlphaNumeric(r) || r == ':') {
      r = read();
    }
    backup();
    String word = in.substring(start, pos);
    TokenType keyword = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
    if (keyword != null) {
      return emit(keyword);
    }
    return emit(word.indexOf(':') >= 0 ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER);
  }

  private Token string(int quote) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int r = read();
      if (r == '\\') {
        escape(quote, bytes);
        continue;
      }
      if (isInvalidRune(r)) {
        throw fail("invalid UTF-8 rune");
      }
      if (r == EOF || r == '\n') {
        throw fail("unterminated quoted string");
      }
      if (r == quote) {
        break;
      }
      appendUtf8(bytes, r);
    }
    return emitString(bytes.toByteArray());
  }

  private Token rawString() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int r = read();
      if (isInvalidRune(r)) {
        throw fail("invalid UTF-8 rune");
      }
      if (r == EOF) {
        throw fail("unterminated raw string");
      }
      if (r == '`') {
        break;
      }
      appendUtf8(bytes, r);
    }
    return emitString(bytes.toByteArray());
  }

  private Token emitString(byte[] bytes) {
    Token plain = emit(TokenType.STRING);
    String value = new String(bytes, StandardCharsets.UTF_8);
    return new Token(
        plain.type(), plain.pos(), plain.text(), value, Utf8.decodeKeepingBadBytes(bytes));
  }

  private void escape(int quote, ByteArrayOutputStream bytes) {
    int ch = read();
    int digits;
    int base;
    long max;
    boolean singleByte = true;
    switch (ch) {
      case 'a' -> {
        bytes.write(0x07);
        return;
      }
      case 'b' -> {
        bytes.write('\b');
        return;
      }
      case 'f' -> {
        bytes.write('\f');
        return;
      }
      case 'n' -> {
        bytes.write('\n');
        return;
      }
      case 'r' -> {
        bytes.write('\r');
        return;
      }
      case 't' -> {
        bytes.write('\t');
        return;
      }
      case 'v' -> {
        bytes.write(0x0b);
        return;
      }
      case '\\' -> {
        bytes.write('\\');
        return;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        digits = 3;
        base = 8;
        max = 255;
      }
      case 'x' -> {
        ch = read();
        digits = 2;
        base = 16;
        max = 255;
      }
      case 'u', 'U' -> {
        digits = ch == 'u' ? 4 : 8;
        ch = read();
        base = 16;
        max = Character.MAX_CODE_POINT;
        singleByte = false;
      }
      case EOF -> throw fail("escape sequence not terminated");
      default -> {
        if (ch == quote) {
          bytes.write(quote);
          return;
        }
        throw fail("unknown escape sequence " + GoText.unicode(ch));
      }
    }
    long x = 0;
    while (digits > 0) {
      int d = digitValue(ch);
      if (d >= base) {
        if (ch == EOF) {
          throw fail("escape sequence not terminated");
        }
        throw fail("illegal character " + GoText.unicode(ch) + " in escape sequence");
      }
      x = x * base + d;
      digits--;
      if (digits > 0) {
        ch = read();
      }
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
      throw fail("escape sequence is an invalid Unicode code point");
    }
    if (singleByte) {
      bytes.write((int) x);
    } else {
      appendUtf8(bytes, (int) x);
    }
  }

  private static int digitValue(int ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
      return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
      return ch - 'A' + 10;
    }
    return 16;
  }

  private static void appendUtf8(ByteArrayOutputStream bytes, int r) {
    byte[] encoded = new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8);
    bytes.write(encoded, 0, encoded.length);
  }

  /** Go reads U+FFFD, like a byte that is not UTF-8, as utf8.RuneError. */
  private static boolean isInvalidRune(int r) {
    return r == 0xFFFD || (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\n' || r == '\r';
  }

  static boolean isDigit(int r) {
    return r >= '0' && r <= '9';
  }

  static boolean isAlpha(int r) {
    return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  }

  static boolean isAlphaNumeric(int r) {
    return isAlpha(r) || isDigit(r);
  }

  /** Whether the text can be a label name: a letter or underscore, then also digits. */
  static boolean isLabelName(String s) {
    if (s.isEmpty() || !isAlpha(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isAlphaNumeric(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
