package dev.sremcp.domain.promql;

/**
 * One token: its type, where it starts, and its text as written. Strings also carry their decoded
 * value, and the same value with bytes that are not UTF-8 kept as lone surrogates.
 */
record Token(TokenType type, int pos, String text, String value, String rawValue) {

  Token(TokenType type, int pos, String text) {
    this(type, pos, text, null, null);
  }

  /** How Prometheus names the token in "unexpected ..." messages. */
  String describe() {
    if (type.named()) {
      return display();
    }
    return switch (type) {
      case EOF -> "end of input";
      case IDENTIFIER -> "identifier " + display();
      case METRIC_IDENTIFIER -> "metric identifier " + display();
      case STRING -> "string " + display();
      case NUMBER -> "number " + display();
      case DURATION -> "duration " + display();
      case COMMENT -> "comment " + display();
      // Prometheus has no display string for @ and falls back to the item type's number.
      default -> "\"<Item 57385>\" " + display();
    };
  }

  private String display() {
    if (type == TokenType.EOF) {
      return "EOF";
    }
    if (type == TokenType.IDENTIFIER || type == TokenType.METRIC_IDENTIFIER) {
      return GoText.quote(text);
    }
    return switch (type.group()) {
      case KEYWORD -> "<" + text + ">";
      case OPERATOR -> "<op:" + text + ">";
      case AGGREGATOR -> "<aggr:" + text + ">";
      default ->
          GoText.utf8Length(text) > 10 ? GoText.quotePrefix(text, 10) + "..." : GoText.quote(text);
    };
  }
}
