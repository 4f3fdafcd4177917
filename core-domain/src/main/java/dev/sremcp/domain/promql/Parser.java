package dev.sremcp.domain.promql;

import static dev.sremcp.domain.promql.TokenType.ADD;
import static dev.sremcp.domain.promql.TokenType.AT;
import static dev.sremcp.domain.promql.TokenType.ATAN2;
import static dev.sremcp.domain.promql.TokenType.BOOL;
import static dev.sremcp.domain.promql.TokenType.BY;
import static dev.sremcp.domain.promql.TokenType.COLON;
import static dev.sremcp.domain.promql.TokenType.COMMA;
import static dev.sremcp.domain.promql.TokenType.DURATION;
import static dev.sremcp.domain.promql.TokenType.END;
import static dev.sremcp.domain.promql.TokenType.GROUP_LEFT;
import static dev.sremcp.domain.promql.TokenType.GROUP_RIGHT;
import static dev.sremcp.domain.promql.TokenType.IDENTIFIER;
import static dev.sremcp.domain.promql.TokenType.IGNORING;
import static dev.sremcp.domain.promql.TokenType.LAND;
import static dev.sremcp.domain.promql.TokenType.LEFT_BRACE;
import static dev.sremcp.domain.promql.TokenType.LEFT_BRACKET;
import static dev.sremcp.domain.promql.TokenType.LEFT_PAREN;
import static dev.sremcp.domain.promql.TokenType.LOR;
import static dev.sremcp.domain.promql.TokenType.LUNLESS;
import static dev.sremcp.domain.promql.TokenType.METRIC_IDENTIFIER;
import static dev.sremcp.domain.promql.TokenType.NUMBER;
import static dev.sremcp.domain.promql.TokenType.OFFSET;
import static dev.sremcp.domain.promql.TokenType.ON;
import static dev.sremcp.domain.promql.TokenType.POW;
import static dev.sremcp.domain.promql.TokenType.RIGHT_BRACE;
import static dev.sremcp.domain.promql.TokenType.RIGHT_BRACKET;
import static dev.sremcp.domain.promql.TokenType.RIGHT_PAREN;
import static dev.sremcp.domain.promql.TokenType.START;
import static dev.sremcp.domain.promql.TokenType.STRING;
import static dev.sremcp.domain.promql.TokenType.SUB;
import static dev.sremcp.domain.promql.TokenType.WITHOUT;

import dev.sremcp.domain.promql.TokenType.Group;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A precedence-climbing parser over the lexer's tokens. It reports the first error the way
 * Prometheus's generated parser would, then hands the tree to the {@link TypeChecker}.
 */
final class Parser {

  /** The deepest nesting of expressions accepted, both while parsing and in the tree. */
  static final int MAX_DEPTH = 128;

  private static final int POW_PRECEDENCE = 6;

  /** Keywords that are also fine as metric names (Prometheus's metric_identifier rule). */
  private static final Set<TokenType> KEYWORD_METRIC_NAMES =
      EnumSet.of(METRIC_IDENTIFIER, BY, LAND, LOR, LUNLESS, OFFSET, WITHOUT, START, END);

  /** Tokens that may start an expression. */
  private static final Set<TokenType> EXPRESSION_START =
      union(
          EnumSet.of(NUMBER, STRING, LEFT_PAREN, LEFT_BRACE, IDENTIFIER, ADD, SUB),
          KEYWORD_METRIC_NAMES,
          inGroups(Group.AGGREGATOR));

  /**
   * Tokens accepted as label names in by, without, on, ignoring and group_x lists (Prometheus's
   * maybe_label rule, which leaves out {@code without}).
   */
  private static final Set<TokenType> MAYBE_LABEL =
      without(
          union(
              EnumSet.of(IDENTIFIER, METRIC_IDENTIFIER, LAND, LOR, LUNLESS, ATAN2),
              inGroups(Group.AGGREGATOR, Group.KEYWORD, Group.PREPROCESSOR)),
          WITHOUT);

  /** What the type checker needs to know about a binary operation beyond the tree. */
  record BinaryInfo(
      int operatorPosition,
      VectorMatching.Cardinality cardinality,
      boolean on,
      List<String> labels,
      List<String> include) {}

  private record Modifiers(
      boolean returnBool,
      boolean on,
      List<String> labels,
      VectorMatching.Cardinality cardinality,
      List<String> include) {}

  private record Grouping(List<String> labels, boolean without) {}

  private final String input;
  private final Lexer lexer;
  private Token lookahead;
  private int depth;
  private int aggregations;
  private final Map<Expr, Integer> heights = new IdentityHashMap<>();
  private final Map<Binary, BinaryInfo> binaryInfo = new IdentityHashMap<>();

  private static Set<TokenType> inGroups(Group... groups) {
    Set<TokenType> tokens = EnumSet.noneOf(TokenType.class);
    for (TokenType type : TokenType.values()) {
      if (List.of(groups).contains(type.group())) {
        tokens.add(type);
      }
    }
    return tokens;
  }

  private static Set<TokenType> without(Set<TokenType> tokens, TokenType left) {
    tokens.remove(left);
    return tokens;
  }

  @SafeVarargs
  private static Set<TokenType> union(Set<TokenType>... sets) {
    Set<TokenType> tokens = EnumSet.noneOf(TokenType.class);
    for (Set<TokenType> set : sets) {
      tokens.addAll(set);
    }
    return tokens;
  }

  Parser(String input) {
    this.input = input;
    this.lexer = new Lexer(input);
  }

  /** Parses the whole input, then type-checks it. */
  Expr parse() {
    if (peek().type() == TokenType.EOF) {
      throw error(0, "no expression found in input");
    }
    Expr expr = parseExpr(0);
    Token end = peek();
    if (end.type() != TokenType.EOF) {
      throw unexpected(end);
    }
    new TypeChecker(input, binaryInfo).check(expr);
    return expr;
  }

  private Token peek() {
    if (lookahead == null) {
      lookahead = lexer.next();
    }
    return lookahead;
  }

  private Token take() {
    Token token = peek();
    lookahead = null;
    return token;
  }

  private PromQlSyntaxException error(int position, String problem) {
    return new PromQlSyntaxException(input, position, problem);
  }

  /** An unexpected token where an expression was being read. */
  private PromQlSyntaxException unexpected(Token token) {
    return unexpected(token, aggregations > 0 ? "aggregation" : "", "");
  }

  private PromQlSyntaxException unexpected(Token token, String context, String expected) {
    StringBuilder problem = new StringBuilder("unexpected ").append(token.describe());
    if (!context.isEmpty()) {
      problem.append(" in ").append(context);
    }
    if (!expected.isEmpty()) {
      problem.append(", expected ").append(expected);
    }
    return error(token.pos(), problem.toString());
  }

  private static int precedence(TokenType type) {
    return switch (type) {
      case LOR -> 1;
      case LAND, LUNLESS -> 2;
      case EQLC, NEQ, LTE, LSS, GTE, GTR -> 3;
      case ADD, SUB -> 4;
      case MUL, DIV, MOD, ATAN2 -> 5;
      case POW -> POW_PRECEDENCE;
      default -> -1;
    };
  }

  private Expr parseExpr(int minPrecedence) {
    if (++depth > MAX_DEPTH) {
      throw new PromQlSyntaxException(
          input, peek().pos(), "expression nests deeper than " + MAX_DEPTH + " levels", true);
    }
    Expr lhs = parseUnary();
    while (true) {
      Token op = peek();
      int precedence = precedence(op.type());
      if (precedence < 0 || precedence < minPrecedence) {
        break;
      }
      take();
      Modifiers modifiers = parseBinaryModifiers();
      Expr rhs = parseExpr(op.type() == POW ? precedence : precedence + 1);
      lhs = binary(op, modifiers, lhs, rhs);
    }
    depth--;
    return lhs;
  }

  private Expr parseUnary() {
    Token sign = peek();
    if (sign.type() != ADD && sign.type() != SUB) {
      return parsePostfix(parsePrimary());
    }
    take();
    Expr operand = parseExpr(POW_PRECEDENCE);
    if (operand instanceof NumberLiteral number) {
      double value = sign.type() == SUB ? -number.value() : number.value();
      return node(new NumberLiteral(value, sign.pos()));
    }
    return node(new Unary(sign.text(), operand, sign.pos()));
  }

  private Expr parsePrimary() {
    Token token = peek();
    TokenType type = token.type();
    if (type == NUMBER) {
      take();
      return node(new NumberLiteral(number(token), token.pos()));
    }
    if (type == STRING) {
      take();
      return node(new StringLiteral(token.value(), token.pos()));
    }
    if (type == LEFT_PAREN) {
      take();
      Expr inner = parseExpr(0);
      Token close = peek();
      if (close.type() != RIGHT_PAREN) {
        throw unexpected(close);
      }
      take();
      return node(new Paren(inner, token.pos()));
    }
    if (type == LEFT_BRACE) {
      return selector(null, token.pos());
    }
    if (type == IDENTIFIER) {
      take();
      if (peek().type() == LEFT_PAREN) {
        return call(token);
      }
      return selector(token.text(), token.pos());
    }
    if (type.isAggregator()) {
      take();
      TokenType next = peek().type();
      if (next == LEFT_PAREN || next == BY || next == WITHOUT) {
        return aggregate(token);
      }
      return selector(token.text(), token.pos());
    }
    if (KEYWORD_METRIC_NAMES.contains(type)) {
      take();
      return selector(token.text(), token.pos());
    }
    throw unexpected(token);
  }

  private VectorSelector selector(String name, int position) {
    List<LabelMatcher> matchers = List.of();
    if (peek().type() == LEFT_BRACE) {
      take();
      matchers = labelMatchers();
    }
    return node(new VectorSelector(name, matchers, null, null, position));
  }

  private List<LabelMatcher> labelMatchers() {
    List<LabelMatcher> matchers = new ArrayList<>();
    if (peek().type() == RIGHT_BRACE) {
      take();
      return matchers;
    }
    while (true) {
      Token name = peek();
      if (name.type() != IDENTIFIER) {
        throw unexpected(name, "label matching", "identifier or \"}\"");
      }
      take();
      Token op = peek();
      if (!isMatchOperator(op.type())) {
        throw unexpected(op, "label matching", "label matching operator");
      }
      take();
      Token value = peek();
      if (value.type() != STRING) {
        throw unexpected(value, "label matching", "string");
      }
      take();
      matchers.add(labelMatcher(name, op, value));
      Token separator = peek();
      if (separator.type() == COMMA) {
        take();
        if (peek().type() == RIGHT_BRACE) {
          take();
          return matchers;
        }
      } else if (separator.type() == RIGHT_BRACE) {
        take();
        return matchers;
      } else {
        throw unexpected(separator, "label matching", "\",\" or \"}\"");
      }
    }
  }

  private static boolean isMatchOperator(TokenType type) {
    return type == TokenType.EQL
        || type == TokenType.NEQ
        || type == TokenType.EQL_REGEX
        || type == TokenType.NEQ_REGEX;
  }

  private LabelMatcher labelMatcher(Token name, Token op, Token value) {
    if (op.type() == TokenType.EQL_REGEX || op.type() == TokenType.NEQ_REGEX) {
      Re2.Result regex = Re2.analyze(value.rawValue());
      if (regex.error() != null) {
        throw error(name.pos(), regex.error());
      }
    }
    return new LabelMatcher(name.text(), op.text(), value.value());
  }

  private Call call(Token name) {
    take();
    List<Expr> args = arguments();
    if (Functions.get(name.text()) == null) {
      throw error(name.pos(), "unknown function with name " + GoText.quote(name.text()));
    }
    return node(new Call(name.text(), args, name.pos()));
  }

  /** The arguments after an opening parenthesis, up to and including the closing one. */
  private List<Expr> arguments() {
    List<Expr> args = new ArrayList<>();
    if (peek().type() == RIGHT_PAREN) {
      take();
      return args;
    }
    while (true) {
      args.add(parseExpr(0));
      Token token = peek();
      if (token.type() == COMMA) {
        take();
        if (!EXPRESSION_START.contains(peek().type())) {
          throw error(token.pos(), "trailing commas not allowed in function call args");
        }
      } else if (token.type() == RIGHT_PAREN) {
        take();
        return args;
      } else {
        throw unexpected(token);
      }
    }
  }

  private Aggregate aggregate(Token op) {
    aggregations++;
    Grouping grouping = null;
    if (peek().type() == BY || peek().type() == WITHOUT) {
      grouping = grouping();
    }
    Token open = peek();
    if (open.type() != LEFT_PAREN) {
      throw unexpected(open);
    }
    take();
    List<Expr> args = arguments();
    aggregations--;
    if (grouping == null) {
      if (peek().type() == BY || peek().type() == WITHOUT) {
        grouping = grouping();
      } else {
        grouping = new Grouping(List.of(), false);
      }
    }
    String name = op.text().toLowerCase(Locale.ROOT);
    if (args.isEmpty()) {
      throw error(op.pos(), "no arguments for aggregate expression provided");
    }
    boolean withParam =
        switch (op.type()) {
          case TOPK, BOTTOMK, COUNT_VALUES, QUANTILE -> true;
          default -> false;
        };
    int wanted = withParam ? 2 : 1;
    if (args.size() != wanted) {
      throw error(
          op.pos(),
          "wrong number of arguments for aggregate expression provided, expected "
              + wanted
              + ", got "
              + args.size());
    }
    Expr param = withParam ? args.get(0) : null;
    Expr expr = args.get(wanted - 1);
    return node(new Aggregate(name, expr, param, grouping.labels(), grouping.without(), op.pos()));
  }

  private Grouping grouping() {
    boolean without = take().type() == WITHOUT;
    Token open = peek();
    if (open.type() != LEFT_PAREN) {
      throw unexpected(open, "grouping opts", "\"(\"");
    }
    take();
    return new Grouping(labelList(), without);
  }

  /** The labels after an opening parenthesis, up to and including the closing one. */
  private List<String> labelList() {
    List<String> labels = new ArrayList<>();
    if (peek().type() == RIGHT_PAREN) {
      take();
      return labels;
    }
    while (true) {
      Token label = peek();
      if (!MAYBE_LABEL.contains(label.type())) {
        throw unexpected(label, "grouping opts", "label");
      }
      take();
      if (!Lexer.isLabelName(label.text())) {
        throw unexpected(label, "grouping opts", "label");
      }
      labels.add(label.text());
      Token separator = peek();
      if (separator.type() == COMMA) {
        take();
        if (peek().type() == RIGHT_PAREN) {
          take();
          return labels;
        }
      } else if (separator.type() == RIGHT_PAREN) {
        take();
        return labels;
      } else {
        throw unexpected(separator, "grouping opts", "\",\" or \")\"");
      }
    }
  }

  private Modifiers parseBinaryModifiers() {
    boolean returnBool = false;
    if (peek().type() == BOOL) {
      take();
      returnBool = true;
    }
    boolean on = false;
    List<String> labels = List.of();
    List<String> include = List.of();
    VectorMatching.Cardinality cardinality = VectorMatching.Cardinality.ONE_TO_ONE;
    TokenType type = peek().type();
    if (type == ON || type == IGNORING) {
      take();
      on = type == ON;
      Token open = peek();
      if (open.type() != LEFT_PAREN) {
        throw unexpected(open, "grouping opts", "\"(\"");
      }
      take();
      labels = labelList();
      TokenType group = peek().type();
      if (group == GROUP_LEFT || group == GROUP_RIGHT) {
        take();
        cardinality =
            group == GROUP_LEFT
                ? VectorMatching.Cardinality.MANY_TO_ONE
                : VectorMatching.Cardinality.ONE_TO_MANY;
        Token next = peek();
        if (next.type() == LEFT_PAREN) {
          take();
          include = labelList();
        } else if (!EXPRESSION_START.contains(next.type())) {
          throw unexpected(next, "grouping opts", "\"(\"");
        }
      }
    }
    return new Modifiers(returnBool, on, labels, cardinality, include);
  }

  private Binary binary(Token op, Modifiers modifiers, Expr lhs, Expr rhs) {
    String name = op.text().toLowerCase(Locale.ROOT);
    boolean setOperator = name.equals("and") || name.equals("or") || name.equals("unless");
    VectorMatching matching = null;
    if (lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR) {
      VectorMatching.Cardinality cardinality = modifiers.cardinality();
      if (setOperator && cardinality == VectorMatching.Cardinality.ONE_TO_ONE) {
        cardinality = VectorMatching.Cardinality.MANY_TO_MANY;
      }
      matching =
          new VectorMatching(cardinality, modifiers.labels(), modifiers.on(), modifiers.include());
    }
    Binary binary =
        node(
            new Binary(name, lhs, rhs, modifiers.returnBool(), matching, lhs.position()), op.pos());
    binaryInfo.put(
        binary,
        new BinaryInfo(
            op.pos(),
            modifiers.cardinality(),
            modifiers.on(),
            modifiers.labels(),
            modifiers.include()));
    return binary;
  }

  private Expr parsePostfix(Expr primary) {
    Expr expr = primary;
    while (true) {
      Token token = peek();
      if (token.type() == LEFT_BRACKET) {
        take();
        expr = rangeOrSubquery(expr, token);
      } else if (token.type() == OFFSET) {
        take();
        expr = offset(expr);
      } else if (token.type() == AT) {
        take();
        expr = at(expr);
      } else {
        return expr;
      }
    }
  }

  private Expr rangeOrSubquery(Expr expr, Token bracket) {
    Token rangeToken = peek();
    if (rangeToken.type() != DURATION) {
      throw unexpected(rangeToken, "subquery selector", "duration");
    }
    take();
    Duration range = duration(rangeToken);
    Token next = peek();
    if (next.type() == RIGHT_BRACKET) {
      take();
      if (!(expr instanceof VectorSelector selector)) {
        throw error(bracket.pos(), "ranges only allowed for vector selectors");
      }
      if (selector.offset() != null) {
        throw error(bracket.pos(), "no offset modifiers allowed before range");
      }
      if (selector.at() != null) {
        throw error(bracket.pos(), "no @ modifiers allowed before range");
      }
      return node(new MatrixSelector(selector, range, selector.position()));
    }
    if (next.type() != COLON) {
      throw unexpected(next, "subquery or range", "\":\" or \"]\"");
    }
    take();
    Duration step = null;
    Token stepToken = peek();
    if (stepToken.type() == DURATION) {
      take();
      step = duration(stepToken);
      Token close = peek();
      if (close.type() != RIGHT_BRACKET) {
        throw unexpected(close, "subquery selector", "\"]\"");
      }
      take();
    } else if (stepToken.type() == RIGHT_BRACKET) {
      take();
    } else {
      throw unexpected(stepToken, "subquery selector", "duration or \"]\"");
    }
    return node(new Subquery(expr, range, step, null, null, expr.position()));
  }

  private Expr offset(Expr expr) {
    Token token = peek();
    boolean negative = false;
    if (token.type() == SUB) {
      take();
      negative = true;
      token = peek();
    }
    if (token.type() != DURATION) {
      throw unexpected(token, "offset", "duration");
    }
    take();
    Duration offset = duration(token);
    if (negative) {
      offset = offset.negated();
    }
    String twice = "offset may not be set multiple times";
    switch (expr) {
      case VectorSelector selector -> {
        if (selector.offset() != null) {
          throw error(expr.position(), twice);
        }
        return node(selector.withOffset(offset));
      }
      case MatrixSelector matrix -> {
        if (matrix.selector().offset() != null) {
          throw error(expr.position(), twice);
        }
        VectorSelector inner = node(matrix.selector().withOffset(offset));
        return node(new MatrixSelector(inner, matrix.range(), matrix.position()));
      }
      case Subquery subquery -> {
        if (subquery.offset() != null) {
          throw error(expr.position(), twice);
        }
        return node(subquery.withOffset(offset));
      }
      default ->
          throw error(
              expr.position(),
              "offset modifier must be preceded by an instant vector selector or range vector"
                  + " selector or a subquery");
    }
  }

  private Expr at(Expr expr) {
    Token token = peek();
    AtModifier at;
    if (token.type() == NUMBER || token.type() == ADD || token.type() == SUB) {
      take();
      Token numberToken = token;
      if (token.type() != NUMBER) {
        numberToken = peek();
        if (numberToken.type() != NUMBER) {
          throw unexpected(numberToken, "@", "timestamp");
        }
        take();
      }
      double seconds = number(numberToken);
      if (token.type() == SUB) {
        seconds = -seconds;
      }
      if (Double.isNaN(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
        throw error(
            expr.position(), "timestamp out of bounds for @ modifier: " + GoText.fixed(seconds));
      }
      at = AtModifier.timestamp(Math.round(seconds * 1000));
    } else if (token.type() == START || token.type() == END) {
      take();
      Token open = peek();
      if (open.type() != LEFT_PAREN) {
        throw unexpected(open, "@", "timestamp");
      }
      take();
      Token close = peek();
      if (close.type() != RIGHT_PAREN) {
        throw unexpected(close, "@", "timestamp");
      }
      take();
      at = token.type() == START ? AtModifier.start() : AtModifier.end();
    } else {
      throw unexpected(token, "@", "timestamp");
    }
    String twice = "@ <timestamp> may not be set multiple times";
    switch (expr) {
      case VectorSelector selector -> {
        if (selector.at() != null) {
          throw error(expr.position(), twice);
        }
        return node(selector.withAt(at));
      }
      case MatrixSelector matrix -> {
        if (matrix.selector().at() != null) {
          throw error(expr.position(), twice);
        }
        VectorSelector inner = node(matrix.selector().withAt(at));
        return node(new MatrixSelector(inner, matrix.range(), matrix.position()));
      }
      case Subquery subquery -> {
        if (subquery.at() != null) {
          throw error(expr.position(), twice);
        }
        return node(subquery.withAt(at));
      }
      default ->
          throw error(
              expr.position(),
              "@ modifier must be preceded by an instant vector selector or range vector"
                  + " selector or a subquery");
    }
  }

  private double number(Token token) {
    NumberText.Parsed parsed = NumberText.parse(token.text());
    if (parsed.error() != null) {
      throw error(token.pos(), "error parsing number: " + parsed.error());
    }
    return parsed.value();
  }

  private Duration duration(Token token) {
    DurationText.Parsed parsed = DurationText.parse(token.text());
    if (parsed.error() != null) {
      throw error(token.pos(), parsed.error());
    }
    if (parsed.duration().isZero()) {
      throw error(token.pos(), "duration must be greater than 0");
    }
    return parsed.duration();
  }

  /** Records a new node's height in the tree and refuses trees nested too deeply. */
  private <T extends Expr> T node(T expr) {
    return node(expr, expr.position());
  }

  private <T extends Expr> T node(T expr, int errorPosition) {
    int height = 1;
    for (Expr child : PromQl.children(expr)) {
      height = Math.max(height, heights.getOrDefault(child, 1) + 1);
    }
    if (height > MAX_DEPTH) {
      throw new PromQlSyntaxException(
          input, errorPosition, "expression nests deeper than " + MAX_DEPTH + " levels", true);
    }
    heights.put(expr, height);
    return expr;
  }
}
