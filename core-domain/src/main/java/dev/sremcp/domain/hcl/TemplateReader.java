package dev.sremcp.domain.hcl;

import dev.sremcp.domain.hcl.HclExpr.Template;
import dev.sremcp.domain.hcl.Lexer.Kind;
import dev.sremcp.domain.hcl.Lexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads quoted strings and heredocs character by character into template parts, handing
 * interpolated expressions back to the {@link Parser}. Then it trims heredoc indentation, applies
 * strip markers and nests directives.
 */
final class TemplateReader {

  private final Parser parser;
  private final Lexer lexer;
  private final String text;

  TemplateReader(Parser parser, Lexer lexer) {
    this.parser = parser;
    this.lexer = lexer;
    this.text = lexer.text();
  }

  /** A quoted template; the lexer stands just after the opening quote. */
  Template quoted(Token quote) {
    Scan scan = new Scan(quote, null);
    scan.run();
    return new Template(scan.assemble(false), parser.span(quote.start()));
  }

  /** A block label: a quoted string with no interpolation or directive. */
  String label(Token quote) {
    return quoted(quote)
        .literalText()
        .orElseThrow(
            () ->
                lexer.error(
                    quote.start(),
                    "a block label must be a plain string, without interpolation or directives"));
  }

  /** A heredoc; the lexer stands at the start of the line after the introducer. */
  Template heredoc(Token introducer) {
    boolean indented = introducer.text().startsWith("<<-");
    String marker = introducer.text().substring(indented ? 3 : 2);
    Scan scan = new Scan(introducer, marker);
    scan.run();
    return new Template(scan.assemble(indented), parser.span(introducer.start()));
  }

  private enum PieceKind {
    TEXT,
    INTERPOLATION,
    IF,
    ELSE,
    ENDIF,
    FOR,
    ENDFOR
  }

  /** A template token before assembly; text is mutable for trimming. */
  private static final class Piece {
    final PieceKind kind;
    final int start;
    final boolean lineStart;
    String text = "";
    HclExpr expr;
    String keyVar;
    String valueVar;
    boolean stripBefore;
    boolean stripAfter;
    int end;

    Piece(PieceKind kind, int start, boolean lineStart) {
      this.kind = kind;
      this.start = start;
      this.lineStart = lineStart;
    }
  }

  /** The reading of one template. */
  private final class Scan {
    private final Token open;
    private final String marker;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private int literalStart;
    private boolean literalAtLineStart;
    private boolean atLineStart;
    private int openDirectives;
    private int i;

    Scan(Token open, String marker) {
      this.open = open;
      this.marker = marker;
      this.atLineStart = marker != null;
      this.i = lexer.pos();
    }

    void run() {
      boolean heredoc = marker != null;
      int length = text.length();
      while (true) {
        if (heredoc && atLineStart && literal.isEmpty()) {
          int close = closingMarker();
          if (close >= 0) {
            parser.consumed(close);
            break;
          }
        }
        if (i >= length) {
          throw unclosed(length);
        }
        char c = text.charAt(i);
        boolean crlf = c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n';
        if (!heredoc && c == '"') {
          flush();
          parser.consumed(i + 1);
          break;
        } else if (c == '\n' || crlf) {
          if (!heredoc) {
            throw unclosed(i);
          }
          append("\n");
          i += crlf ? 2 : 1;
          flush();
          atLineStart = true;
        } else if (!heredoc && c == '\\') {
          escape();
        } else if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
          append(text.substring(i + 1, i + 3));
          i += 3;
        } else if (text.startsWith("${", i)) {
          flush();
          interpolation();
        } else if (text.startsWith("%{", i)) {
          flush();
          directive();
        } else {
          append(String.valueOf(c));
          i++;
        }
      }
      while (openDirectives > 0) {
        parser.exit();
        openDirectives--;
      }
    }

    private HclSyntaxException unclosed(int at) {
      if (marker == null) {
        String where = at >= text.length() ? "the end of the input" : "the end of the line";
        return lexer.error(
            at,
            "unclosed string opened at "
                + lexer.where(open.start())
                + ": no closing '\"' before "
                + where);
      }
      return lexer.error(
          at,
          "unclosed heredoc "
              + open.text()
              + " opened at "
              + lexer.where(open.start())
              + ": no line holding only "
              + marker);
    }

    /** The end of the closing marker if the line at i holds only it, else -1. */
    private int closingMarker() {
      int length = text.length();
      int j = i;
      while (j < length && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (!text.startsWith(marker, j)) {
        return -1;
      }
      int end = j + marker.length();
      int k = end;
      while (k < length
          && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
        k++;
      }
      return k == length || text.charAt(k) == '\n' ? end : -1;
    }

    private void append(String s) {
      if (literal.isEmpty()) {
        literalStart = i;
        literalAtLineStart = atLineStart;
      }
      atLineStart = false;
      literal.append(s);
    }

    private void flush() {
      if (!literal.isEmpty()) {
        Piece piece = new Piece(PieceKind.TEXT, literalStart, literalAtLineStart);
        piece.text = literal.toString();
        pieces.add(piece);
        literal.setLength(0);
      }
    }

    private void escape() {
      char e = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
      switch (e) {
        case 'n' -> append("\n");
        case 'r' -> append("\r");
        case 't' -> append("\t");
        case '"' -> append("\"");
        case '\\' -> append("\\");
        case 'u', 'U' -> {
          unicode(e == 'u' ? 4 : 8);
          return;
        }
        case '\0', '\n', '\r' -> throw unclosed(i + 1);
        default ->
            throw lexer.error(
                i,
                "invalid escape sequence \\"
                    + e
                    + "; use \\\\ for a backslash, or one of \\n \\r \\t \\\" \\uNNNN \\UNNNNNNNN");
      }
      i += 2;
    }

    private void unicode(int digits) {
      int from = i + 2;
      int to = from + digits;
      boolean valid = to <= text.length();
      for (int j = from; valid && j < to; j++) {
        valid = Character.digit(text.charAt(j), 16) >= 0;
      }
      String name = digits == 4 ? "\\u" : "\\U";
      if (!valid) {
        throw lexer.error(i, name + " must be followed by " + digits + " hexadecimal digits");
      }
      long cp = Long.parseLong(text.substring(from, to), 16);
      if (cp > Character.MAX_CODE_POINT) {
        throw lexer.error(i, name + text.substring(from, to) + " is not a Unicode character");
      }
      append(new String(Character.toChars((int) cp)));
      i = to;
    }

    private void interpolation() {
      Piece piece = new Piece(PieceKind.INTERPOLATION, i, atLineStart);
      atLineStart = false;
      int j = i + 2;
      if (j < text.length() && text.charAt(j) == '~') {
        piece.stripBefore = true;
        j++;
      }
      boolean saved = parser.newlines();
      parser.newlines(false);
      lexer.pos(j);
      piece.expr = parser.expression();
      piece.stripAfter = close(piece.start, "${");
      parser.newlines(saved);
      piece.end = lexer.pos();
      pieces.add(piece);
      i = piece.end;
    }

    private void directive() {
      int start = i;
      boolean lineStart = atLineStart;
      atLineStart = false;
      int j = i + 2;
      boolean stripBefore = j < text.length() && text.charAt(j) == '~';
      lexer.pos(stripBefore ? j + 1 : j);
      boolean saved = parser.newlines();
      parser.newlines(false);
      Token keyword = parser.peek();
      PieceKind kind =
          switch (keyword.kind() == Kind.IDENT ? keyword.text() : "") {
            case "if" -> PieceKind.IF;
            case "else" -> PieceKind.ELSE;
            case "endif" -> PieceKind.ENDIF;
            case "for" -> PieceKind.FOR;
            case "endfor" -> PieceKind.ENDFOR;
            default ->
                throw parser.unexpected(keyword, "if, else, endif, for or endfor after '%{'");
          };
      parser.advance();
      Piece piece = new Piece(kind, start, lineStart);
      piece.stripBefore = stripBefore;
      if (kind == PieceKind.IF) {
        piece.expr = parser.expression();
      } else if (kind == PieceKind.FOR) {
        forHeader(piece);
      }
      piece.stripAfter = close(start, "%{");
      parser.newlines(saved);
      piece.end = lexer.pos();
      if (kind == PieceKind.IF || kind == PieceKind.FOR) {
        parser.enter(start);
        openDirectives++;
      } else if ((kind == PieceKind.ENDIF || kind == PieceKind.ENDFOR) && openDirectives > 0) {
        parser.exit();
        openDirectives--;
      }
      pieces.add(piece);
      i = piece.end;
    }

    private void forHeader(Piece piece) {
      String first = name("a variable name after 'for'");
      piece.valueVar = first;
      if (parser.peek().is(",")) {
        parser.advance();
        piece.keyVar = first;
        piece.valueVar = name("a second variable name after ','");
      }
      Token in = parser.peek();
      if (!in.isWord("in")) {
        throw parser.unexpected(in, "'in' after the for directive's variables");
      }
      parser.advance();
      piece.expr = parser.expression();
    }

    private String name(String expected) {
      Token t = parser.peek();
      if (t.kind() != Kind.IDENT) {
        throw parser.unexpected(t, expected);
      }
      parser.advance();
      return t.text();
    }

    /** Reads the '}' or '~}' that ends a sequence; true for '~}'. */
    private boolean close(int openedAt, String opener) {
      lexer.skipTrivia(false);
      int j = lexer.pos();
      int length = text.length();
      boolean strip = j < length && text.charAt(j) == '~';
      int k = strip ? j + 1 : j;
      if (k < length && text.charAt(k) == '}') {
        lexer.pos(k + 1);
        return strip;
      }
      Token t = parser.peek();
      if (t.kind() == Kind.EOF) {
        throw lexer.error(
            t.start(), "unclosed '" + opener + "' opened at " + lexer.where(openedAt));
      }
      throw parser.unexpected(
          t, "'}' to close the '" + opener + "' opened at " + lexer.where(openedAt));
    }

    List<HclTemplatePart> assemble(boolean trimIndent) {
      if (trimIndent) {
        trimIndent();
      }
      applyStripMarkers();
      mergeTexts();
      return nest();
    }

    /** The {@code <<-} rule: remove the smallest leading whitespace of the non-blank lines. */
    private void trimIndent() {
      int min = Integer.MAX_VALUE;
      for (Piece piece : pieces) {
        if (!piece.lineStart) {
          continue;
        }
        if (piece.kind != PieceKind.TEXT) {
          min = 0;
          break;
        }
        if (!isBlankLine(piece.text)) {
          min = Math.min(min, leadingSpace(piece.text));
        }
      }
      if (min == 0 || min == Integer.MAX_VALUE) {
        return;
      }
      for (Piece piece : pieces) {
        if (piece.lineStart && piece.kind == PieceKind.TEXT && !isBlankLine(piece.text)) {
          piece.text = piece.text.substring(min);
        }
      }
    }

    private static boolean isBlankLine(String line) {
      return line.endsWith("\n") && line.isBlank();
    }

    private static int leadingSpace(String line) {
      int n = 0;
      while (n < line.length()
          && line.charAt(n) != '\n'
          && Character.isWhitespace(line.charAt(n))) {
        n++;
      }
      return n;
    }

    private void applyStripMarkers() {
      for (int k = 0; k < pieces.size(); k++) {
        Piece piece = pieces.get(k);
        if (piece.kind == PieceKind.TEXT) {
          continue;
        }
        if (piece.stripBefore && k > 0 && pieces.get(k - 1).kind == PieceKind.TEXT) {
          Piece before = pieces.get(k - 1);
          before.text = before.text.stripTrailing();
        }
        if (piece.stripAfter && k + 1 < pieces.size() && pieces.get(k + 1).kind == PieceKind.TEXT) {
          Piece after = pieces.get(k + 1);
          after.text = after.text.stripLeading();
        }
      }
    }

    /** Joins each run of adjacent text pieces into one, and drops empty text. */
    private void mergeTexts() {
      List<Piece> merged = new ArrayList<>(pieces.size());
      StringBuilder run = new StringBuilder();
      Piece first = null;
      for (Piece piece : pieces) {
        if (piece.kind == PieceKind.TEXT) {
          if (first == null) {
            first = piece;
          }
          run.append(piece.text);
        } else {
          addRun(merged, first, run);
          first = null;
          merged.add(piece);
        }
      }
      addRun(merged, first, run);
      pieces.clear();
      pieces.addAll(merged);
    }

    private static void addRun(List<Piece> merged, Piece first, StringBuilder run) {
      if (first != null && !run.isEmpty()) {
        first.text = run.toString();
        merged.add(first);
      }
      run.setLength(0);
    }

    /** Turns the flat pieces into parts, with each directive holding the parts it wraps. */
    private List<HclTemplatePart> nest() {
      Deque<Frame> stack = new ArrayDeque<>();
      Frame root = new Frame(null);
      stack.push(root);
      for (Piece piece : pieces) {
        Frame top = stack.peek();
        switch (piece.kind) {
          case TEXT -> top.current().add(new HclTemplatePart.Text(piece.text));
          case INTERPOLATION -> top.current().add(new HclTemplatePart.Interpolation(piece.expr));
          case IF, FOR -> stack.push(new Frame(piece));
          case ELSE -> {
            if (top.opener == null || top.opener.kind != PieceKind.IF || top.inElse) {
              throw lexer.error(piece.start, "%{else} without a matching %{if}");
            }
            top.inElse = true;
          }
          case ENDIF, ENDFOR -> {
            PieceKind wanted = piece.kind == PieceKind.ENDIF ? PieceKind.IF : PieceKind.FOR;
            if (top.opener == null || top.opener.kind != wanted) {
              String name = piece.kind == PieceKind.ENDIF ? "endif" : "endfor";
              String match = piece.kind == PieceKind.ENDIF ? "if" : "for";
              throw lexer.error(piece.start, "%{" + name + "} without a matching %{" + match + "}");
            }
            stack.pop();
            stack.peek().current().add(top.close(piece.end));
          }
        }
      }
      Frame top = stack.peek();
      if (top.opener != null) {
        String name = top.opener.kind == PieceKind.IF ? "if" : "for";
        throw lexer.error(
            top.opener.start,
            "unclosed %{"
                + name
                + "} opened at "
                + lexer.where(top.opener.start)
                + ": no %{end"
                + name
                + "}");
      }
      return root.body;
    }

    /** A directive being read, with the parts of its body and of its else branch. */
    private final class Frame {
      final Piece opener;
      final List<HclTemplatePart> body = new ArrayList<>();
      final List<HclTemplatePart> elseBody = new ArrayList<>();
      boolean inElse;

      Frame(Piece opener) {
        this.opener = opener;
      }

      List<HclTemplatePart> current() {
        return inElse ? elseBody : body;
      }

      HclTemplatePart close(int end) {
        HclSpan span = lexer.span(opener.start, end);
        if (opener.kind == PieceKind.IF) {
          return new HclTemplatePart.If(opener.expr, body, elseBody, span);
        }
        return new HclTemplatePart.For(opener.keyVar, opener.valueVar, opener.expr, body, span);
      }
    }
  }
}
