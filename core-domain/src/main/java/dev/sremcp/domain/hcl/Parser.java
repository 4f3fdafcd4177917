package dev.sremcp.domain.hcl;

import dev.sremcp.domain.hcl.HclExpr.Binary;
import dev.sremcp.domain.hcl.HclExpr.Conditional;
import dev.sremcp.domain.hcl.HclExpr.ForExpr;
import dev.sremcp.domain.hcl.HclExpr.FunctionCall;
import dev.sremcp.domain.hcl.HclExpr.GetAttr;
import dev.sremcp.domain.hcl.HclExpr.Index;
import dev.sremcp.domain.hcl.HclExpr.Literal;
import dev.sremcp.domain.hcl.HclExpr.ObjectCons;
import dev.sremcp.domain.hcl.HclExpr.Parens;
import dev.sremcp.domain.hcl.HclExpr.ScopeTraversal;
import dev.sremcp.domain.hcl.HclExpr.Splat;
import dev.sremcp.domain.hcl.HclExpr.Tuple;
import dev.sremcp.domain.hcl.HclExpr.Unary;
import dev.sremcp.domain.hcl.Lexer.Kind;
import dev.sremcp.domain.hcl.Lexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for bodies and expressions, with precedence climbing for binary
 * operators. Every level of nesting, and every link of a left-leaning chain of operators or postfix
 * operations, counts against {@link Hcl#MAX_DEPTH}, so the trees it builds stay shallow.
 */
final class Parser {

  private static final int MAX_NUMBER_CHARS = 1000;

  private final Lexer lexer;
  private final TemplateReader templates;
  private boolean newlines = true;
  private int depth;
  private int lastEnd;
  private Token cached;
  private int cachedPos = -1;
  private boolean cachedNewlines;

  Parser(String text) {
    this.lexer = new Lexer(text);
    this.templates = new TemplateReader(this, lexer);
  }

  HclBody file() {
    return body(null, null);
  }

  HclExpr standaloneExpression() {
    newlines = false;
    HclExpr expr = expression();
    Token rest = peek();
    if (rest.kind() != Kind.EOF) {
      throw unexpected(rest, "the end of the expression");
    }
    return expr;
  }

  // ---- Structure -------------------------------------------------------------------------

  private HclBody body(Token open, String type) {
    List<HclAttribute> attributes = new ArrayList<>();
    List<HclBlock> blocks = new ArrayList<>();
    Map<String, HclAttribute> byName = new HashMap<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.NEWLINE) {
        advance();
      } else if (t.kind() == Kind.IDENT) {
        item(attributes, blocks, byName, open != null);
      } else if (t.kind() == Kind.EOF) {
        if (open != null) {
          throw lexer.error(
              t.start(),
              "unclosed '{' of block \"" + type + "\" opened at " + lexer.where(open.start()));
        }
        return new HclBody(attributes, blocks);
      } else if (t.is("}")) {
        if (open == null) {
          throw lexer.error(t.start(), "unexpected '}': no block is open");
        }
        return new HclBody(attributes, blocks);
      } else {
        throw unexpected(t, "an attribute or block name");
      }
    }
  }

  private void item(
      List<HclAttribute> attributes,
      List<HclBlock> blocks,
      Map<String, HclAttribute> byName,
      boolean nested) {
    Token name = advance();
    Token next = peek();
    if (next.is("=")) {
      advance();
      HclExpr value = expression();
      HclAttribute earlier = byName.get(name.text());
      if (earlier != null) {
        throw lexer.error(
            name.start(),
            "attribute \"" + name.text() + "\" is already defined at line " + earlier.line());
      }
      HclAttribute attribute =
          new HclAttribute(name.text(), value, lexer.line(name.start()), value.endLine());
      byName.put(name.text(), attribute);
      attributes.add(attribute);
      endOfItem("the value of \"" + name.text() + "\"", nested);
    } else if (next.kind() == Kind.IDENT || next.kind() == Kind.QUOTE || next.is("{")) {
      blocks.add(block(name));
      endOfItem("the block \"" + name.text() + "\"", nested);
    } else {
      throw lexer.error(
          next.start(), "expected '=' or a block label after \"" + name.text() + "\"");
    }
  }

  private HclBlock block(Token type) {
    List<String> labels = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.IDENT) {
        advance();
        labels.add(t.text());
      } else if (t.kind() == Kind.QUOTE) {
        advance();
        labels.add(templates.label(t));
      } else {
        break;
      }
    }
    Token open = peek();
    if (!open.is("{")) {
      throw unexpected(open, "'{' to open the body of block \"" + type.text() + "\"");
    }
    advance();
    enter(open.start());
    HclBody body = body(open, type.text());
    Token close = advance();
    exit();
    return new HclBlock(
        type.text(), labels, body, lexer.line(type.start()), lexer.line(close.start()));
  }

  private void endOfItem(String what, boolean nested) {
    Token t = peek();
    if (t.kind() == Kind.NEWLINE) {
      advance();
    } else if (t.kind() != Kind.EOF && !(nested && t.is("}"))) {
      throw unexpected(t, "a newline after " + what);
    }
  }

  // ---- Expressions -----------------------------------------------------------------------

  HclExpr expression() {
    int start = peek().start();
    enter(start);
    HclExpr condition = binary(1);
    HclExpr result = condition;
    if (peek().is("?")) {
      advance();
      skipNewlines();
      HclExpr ifTrue = expression();
      Token colon = peek();
      if (!colon.is(":")) {
        throw unexpected(colon, "':' and the value for when the condition is false");
      }
      advance();
      skipNewlines();
      HclExpr ifFalse = expression();
      result = new Conditional(condition, ifTrue, ifFalse, span(condition.span().start()));
    }
    exit();
    return result;
  }

  private HclExpr binary(int minLevel) {
    HclExpr lhs = unary();
    int links = 0;
    while (true) {
      Token op = peek();
      int level = level(op);
      if (level == 0 || level < minLevel) {
        break;
      }
      advance();
      skipNewlines();
      enter(op.start());
      links++;
      HclExpr rhs = binary(level + 1);
      lhs = new Binary(op.text(), lhs, rhs, span(lhs.span().start()));
    }
    depth -= links;
    return lhs;
  }

  private static int level(Token t) {
    if (t.kind() != Kind.PUNCT) {
      return 0;
    }
    return switch (t.text()) {
      case "||" -> 1;
      case "&&" -> 2;
      case "==", "!=" -> 3;
      case "<", ">", "<=", ">=" -> 4;
      case "+", "-" -> 5;
      case "*", "/", "%" -> 6;
      default -> 0;
    };
  }

  private HclExpr unary() {
    Token op = peek();
    if (!op.is("-") && !op.is("!")) {
      return postfix(primary());
    }
    advance();
    enter(op.start());
    HclExpr result;
    Token operand = peek();
    if (op.is("-") && operand.kind() == Kind.NUMBER) {
      advance();
      BigDecimal value = number(operand.text(), operand.start()).negate();
      result = postfix(new Literal(value, span(op.start())));
    } else {
      result = new Unary(op.text(), unary(), span(op.start()));
    }
    exit();
    return result;
  }

  private HclExpr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        advance();
        return new Literal(number(t.text(), t.start()), span(t.start()));
      }
      case IDENT -> {
        return identifier(advance());
      }
      case QUOTE -> {
        advance();
        return templates.quoted(t);
      }
      case HEREDOC -> {
        advance();
        return templates.heredoc(t);
      }
      default -> {
        if (t.is("(")) {
          return parens(advance());
        }
        if (t.is("[")) {
          return tuple(advance());
        }
        if (t.is("{")) {
          return object(advance());
        }
        throw unexpected(t, "an expression");
      }
    }
  }

  private HclExpr identifier(Token name) {
    String text = lexer.text();
    if (text.startsWith("::", name.end())) {
      int end = name.end();
      while (text.startsWith("::", end)) {
        int partEnd = lexer.identEnd(end + 2);
        if (partEnd == end + 2) {
          throw lexer.error(end + 2, "expected a name after '::'");
        }
        end = partEnd;
      }
      lexer.pos(end);
      lastEnd = end;
      Token open = peek();
      if (!open.is("(")) {
        throw unexpected(open, "'(' after the provider function name");
      }
      return call(text.substring(name.start(), end), name.start(), advance());
    }
    Token next = peek();
    if (next.is("(")) {
      return call(name.text(), name.start(), advance());
    }
    return switch (name.text()) {
      case "true" -> new Literal(Boolean.TRUE, span(name.start()));
      case "false" -> new Literal(Boolean.FALSE, span(name.start()));
      case "null" -> new Literal(null, span(name.start()));
      default -> traversal(name);
    };
  }

  private HclExpr call(String name, int start, Token open) {
    boolean saved = newlines;
    newlines = false;
    List<HclExpr> args = new ArrayList<>();
    boolean expandFinal = false;
    while (!peek().is(")")) {
      notEnd(open);
      args.add(expression());
      Token t = peek();
      if (t.is(",")) {
        advance();
      } else if (t.is("...")) {
        advance();
        expandFinal = true;
        break;
      } else if (!t.is(")")) {
        throw closing(t, open, "',' or ')' in the arguments of " + name + "()");
      }
    }
    Token close = peek();
    if (!close.is(")")) {
      throw closing(close, open, "')' after the expanded argument of " + name + "()");
    }
    advance();
    newlines = saved;
    return new FunctionCall(name, args, expandFinal, span(start));
  }

  private HclExpr traversal(Token root) {
    List<HclStep> steps = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        Token after = peekSecond();
        if (after.is("*")) {
          break;
        }
        advance();
        steps.add(attrOrLegacyIndex(after));
      } else if (t.is("[") && !fullSplatAhead()) {
        steps.add(new HclStep.Index(bracketed(advance())));
      } else {
        break;
      }
    }
    return new ScopeTraversal(root.text(), steps, span(root.start()));
  }

  /** After a '.': an attribute name, or the legacy index form {@code .0}. */
  private HclStep attrOrLegacyIndex(Token after) {
    if (after.kind() == Kind.IDENT) {
      advance();
      return new HclStep.Attr(after.text());
    }
    if (after.kind() == Kind.NUMBER) {
      return new HclStep.Index(legacyIndex(after));
    }
    throw unexpected(after, "an attribute name after '.'");
  }

  private HclExpr legacyIndex(Token number) {
    int end = lexer.digitsEnd(number.start());
    lexer.pos(end);
    lastEnd = end;
    String digits = lexer.text().substring(number.start(), end);
    return new Literal(number(digits, number.start()), span(number.start()));
  }

  private HclExpr postfix(HclExpr expr) {
    HclExpr result = expr;
    int start = expr.span().start();
    int links = 0;
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        Token after = peekSecond();
        advance();
        enter(t.start());
        if (after.is("*")) {
          advance();
          result = splat(result, start, false);
        } else {
          HclStep step = attrOrLegacyIndex(after);
          result =
              step instanceof HclStep.Attr attr
                  ? new GetAttr(result, attr.name(), span(start))
                  : new Index(result, ((HclStep.Index) step).key(), span(start));
        }
      } else if (t.is("[")) {
        enter(t.start());
        if (fullSplatAhead()) {
          advance();
          boolean saved = newlines;
          newlines = false;
          advance();
          advance();
          newlines = saved;
          result = splat(result, start, true);
        } else {
          result = new Index(result, bracketed(advance()), span(start));
        }
      } else {
        break;
      }
      links++;
    }
    depth -= links;
    return result;
  }

  private HclExpr splat(HclExpr source, int start, boolean full) {
    List<HclStep> steps = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.is(".")) {
        Token after = peekSecond();
        if (after.kind() != Kind.IDENT && !(full && after.kind() == Kind.NUMBER)) {
          break;
        }
        advance();
        steps.add(attrOrLegacyIndex(after));
      } else if (full && t.is("[") && !fullSplatAhead()) {
        steps.add(new HclStep.Index(bracketed(advance())));
      } else {
        break;
      }
    }
    return new Splat(source, full, steps, span(start));
  }

  private boolean fullSplatAhead() {
    int saved = lexer.pos();
    boolean found =
        lexer.next(newlines).is("[") && lexer.next(false).is("*") && lexer.next(false).is("]");
    lexer.pos(saved);
    return found;
  }

  private HclExpr bracketed(Token open) {
    boolean saved = newlines;
    newlines = false;
    HclExpr key = expression();
    Token close = peek();
    if (!close.is("]")) {
      throw closing(close, open, "']' after the index");
    }
    advance();
    newlines = saved;
    return key;
  }

  private HclExpr parens(Token open) {
    boolean saved = newlines;
    newlines = false;
    HclExpr inner = expression();
    Token close = peek();
    if (!close.is(")")) {
      throw closing(close, open, "')'");
    }
    advance();
    newlines = saved;
    return new Parens(inner, span(open.start()));
  }

  private HclExpr tuple(Token open) {
    boolean saved = newlines;
    newlines = false;
    HclExpr result;
    if (peek().isWord("for")) {
      result = forExpr(open, false);
    } else {
      List<HclExpr> elements = new ArrayList<>();
      while (!peek().is("]")) {
        notEnd(open);
        elements.add(expression());
        Token t = peek();
        if (t.is(",")) {
          advance();
        } else if (!t.is("]")) {
          throw closing(t, open, "',' or ']' after the tuple element");
        }
      }
      advance();
      result = new Tuple(elements, span(open.start()));
    }
    newlines = saved;
    return result;
  }

  private HclExpr object(Token open) {
    boolean saved = newlines;
    newlines = true;
    skipNewlines();
    HclExpr result;
    if (peek().isWord("for")) {
      newlines = false;
      result = forExpr(open, true);
    } else {
      List<ObjectCons.Item> items = new ArrayList<>();
      while (true) {
        skipNewlines();
        if (peek().is("}")) {
          break;
        }
        notEnd(open);
        HclExpr key = objectKey();
        Token separator = peek();
        if (!separator.is("=") && !separator.is(":")) {
          throw closing(separator, open, "'=' or ':' after the object key");
        }
        advance();
        items.add(new ObjectCons.Item(key, expression()));
        Token t = peek();
        if (t.is(",") || t.kind() == Kind.NEWLINE) {
          advance();
        } else if (!t.is("}")) {
          throw closing(t, open, "',', a newline or '}' after the object item");
        }
      }
      advance();
      result = new ObjectCons(items, span(open.start()));
    }
    newlines = saved;
    return result;
  }

  private HclExpr objectKey() {
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      Token after = peekSecond();
      if (after.is("=") || after.is(":")) {
        advance();
        return new Literal(t.text(), span(t.start()));
      }
    }
    return expression();
  }

  private HclExpr forExpr(Token open, boolean object) {
    advance();
    String first = name("a variable name after 'for'");
    String keyVar = null;
    String valueVar = first;
    if (peek().is(",")) {
      advance();
      keyVar = first;
      valueVar = name("a second variable name after ','");
    }
    Token in = peek();
    if (!in.isWord("in")) {
      throw unexpected(in, "'in' after the for expression's variables");
    }
    advance();
    HclExpr collection = expression();
    expect(":", "':' after the for expression's collection");
    HclExpr keyExpr = null;
    if (object) {
      keyExpr = expression();
      expect("=>", "'=>' after the key of the object for expression");
    }
    HclExpr valueExpr = expression();
    boolean grouping = false;
    if (object && peek().is("...")) {
      advance();
      grouping = true;
    }
    HclExpr condition = null;
    if (peek().isWord("if")) {
      advance();
      condition = expression();
    }
    String closer = object ? "}" : "]";
    Token close = peek();
    if (!close.is(closer)) {
      throw closing(close, open, "'" + closer + "' to end the for expression");
    }
    advance();
    return new ForExpr(
        keyVar, valueVar, collection, keyExpr, valueExpr, grouping, condition, span(open.start()));
  }

  private String name(String expected) {
    Token t = peek();
    if (t.kind() != Kind.IDENT) {
      throw unexpected(t, expected);
    }
    advance();
    return t.text();
  }

  private void expect(String punct, String expected) {
    Token t = peek();
    if (!t.is(punct)) {
      throw unexpected(t, expected);
    }
    advance();
  }

  private BigDecimal number(String digits, int offset) {
    if (digits.length() > MAX_NUMBER_CHARS) {
      throw lexer.error(offset, "number literal longer than " + MAX_NUMBER_CHARS + " characters");
    }
    try {
      return new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw lexer.error(offset, "number " + digits + " is out of range");
    }
  }

  // ---- Tokens, positions and limits, shared with TemplateReader ---------------------------

  boolean newlines() {
    return newlines;
  }

  void newlines(boolean significant) {
    newlines = significant;
  }

  Token peek() {
    if (cached == null || cachedPos != lexer.pos() || cachedNewlines != newlines) {
      int saved = lexer.pos();
      cached = lexer.next(newlines);
      lexer.pos(saved);
      cachedPos = saved;
      cachedNewlines = newlines;
    }
    return cached;
  }

  Token advance() {
    Token t = peek();
    lexer.pos(t.end());
    if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF) {
      lastEnd = t.end();
    }
    return t;
  }

  /** Marks the text up to end as read, for a construct read without tokens. */
  void consumed(int end) {
    lexer.pos(end);
    lastEnd = end;
  }

  private Token peekSecond() {
    int saved = lexer.pos();
    lexer.next(newlines);
    Token second = lexer.next(newlines);
    lexer.pos(saved);
    return second;
  }

  private void skipNewlines() {
    while (peek().kind() == Kind.NEWLINE) {
      advance();
    }
  }

  HclSpan span(int start) {
    return lexer.span(start, lastEnd);
  }

  void enter(int offset) {
    if (++depth > Hcl.MAX_DEPTH) {
      throw lexer.limit(
          offset, "blocks and expressions nest deeper than the limit of " + Hcl.MAX_DEPTH);
    }
  }

  void exit() {
    depth--;
  }

  HclSyntaxException unexpected(Token t, String expected) {
    if (t.kind() == Kind.INVALID) {
      return lexer.error(t.start(), "unexpected character " + t.text() + "; expected " + expected);
    }
    return lexer.error(t.start(), "expected " + expected + ", found " + t.describe());
  }

  /** Refuses the end of the input inside an open bracket. */
  private void notEnd(Token open) {
    Token t = peek();
    if (t.kind() == Kind.EOF) {
      throw closing(t, open, "");
    }
  }

  private HclSyntaxException closing(Token t, Token open, String expected) {
    if (t.kind() == Kind.EOF) {
      return lexer.error(
          t.start(), "unclosed '" + open.text() + "' opened at " + lexer.where(open.start()));
    }
    return unexpected(
        t, expected + " (to match the '" + open.text() + "' at " + lexer.where(open.start()) + ")");
  }
}
