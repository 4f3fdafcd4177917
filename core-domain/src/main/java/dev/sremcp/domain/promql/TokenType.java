package dev.sremcp.domain.promql;

/** The kinds of token the lexer produces, grouped as Prometheus groups them. */
enum TokenType {
  EOF(Group.OTHER, false),
  COMMENT(Group.OTHER, false),
  IDENTIFIER(Group.OTHER, false),
  METRIC_IDENTIFIER(Group.OTHER, false),
  NUMBER(Group.OTHER, false),
  STRING(Group.OTHER, false),
  DURATION(Group.OTHER, false),
  LEFT_PAREN(Group.OTHER, true),
  RIGHT_PAREN(Group.OTHER, true),
  LEFT_BRACE(Group.OTHER, true),
  RIGHT_BRACE(Group.OTHER, true),
  LEFT_BRACKET(Group.OTHER, true),
  RIGHT_BRACKET(Group.OTHER, true),
  COMMA(Group.OTHER, true),
  EQL(Group.OTHER, true),
  COLON(Group.OTHER, true),

  ADD(Group.OPERATOR, true),
  DIV(Group.OPERATOR, true),
  EQLC(Group.OPERATOR, true),
  EQL_REGEX(Group.OPERATOR, true),
  GTE(Group.OPERATOR, true),
  GTR(Group.OPERATOR, true),
  LAND(Group.OPERATOR, true),
  LOR(Group.OPERATOR, true),
  LSS(Group.OPERATOR, true),
  LTE(Group.OPERATOR, true),
  LUNLESS(Group.OPERATOR, true),
  MOD(Group.OPERATOR, true),
  MUL(Group.OPERATOR, true),
  NEQ(Group.OPERATOR, true),
  NEQ_REGEX(Group.OPERATOR, true),
  POW(Group.OPERATOR, true),
  SUB(Group.OPERATOR, true),
  AT(Group.OPERATOR, false),
  ATAN2(Group.OPERATOR, true),

  AVG(Group.AGGREGATOR, true),
  BOTTOMK(Group.AGGREGATOR, true),
  COUNT(Group.AGGREGATOR, true),
  COUNT_VALUES(Group.AGGREGATOR, true),
  GROUP(Group.AGGREGATOR, true),
  MAX(Group.AGGREGATOR, true),
  MIN(Group.AGGREGATOR, true),
  QUANTILE(Group.AGGREGATOR, true),
  STDDEV(Group.AGGREGATOR, true),
  STDVAR(Group.AGGREGATOR, true),
  SUM(Group.AGGREGATOR, true),
  TOPK(Group.AGGREGATOR, true),

  BOOL(Group.KEYWORD, true),
  BY(Group.KEYWORD, true),
  GROUP_LEFT(Group.KEYWORD, true),
  GROUP_RIGHT(Group.KEYWORD, true),
  IGNORING(Group.KEYWORD, true),
  OFFSET(Group.KEYWORD, true),
  ON(Group.KEYWORD, true),
  WITHOUT(Group.KEYWORD, true),

  START(Group.PREPROCESSOR, true),
  END(Group.PREPROCESSOR, true);

  /** Prometheus's ranges of item types, which decide how an unexpected token is described. */
  enum Group {
    OTHER,
    OPERATOR,
    AGGREGATOR,
    KEYWORD,
    PREPROCESSOR
  }

  private final Group group;
  private final boolean named;

  TokenType(Group group, boolean named) {
    this.group = group;
    this.named = named;
  }

  Group group() {
    return group;
  }

  /** Whether Prometheus has a fixed display string for the type (its ItemTypeStr table). */
  boolean named() {
    return named;
  }

  boolean isAggregator() {
    return group == Group.AGGREGATOR;
  }
}
