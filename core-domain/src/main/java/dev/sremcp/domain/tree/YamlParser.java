package dev.sremcp.domain.tree;

import dev.sremcp.domain.text.LineStarts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recursive-descent parser behind {@link Yaml}: block collections by indentation, flow
 * collections by brackets, every scalar style. Each collection it enters counts against the depth
 * limit before it recurses, and each node it builds is checked against the node limit, aliases
 * included, so hostile input is refused in time and memory proportional to its length.
 */
final class YamlParser {

  private static final char EOF = '\0';
  private static final String FLOW_INDICATORS = ",[]{}";

  private final String s;
  private final int n;
  private final Yaml.Limits limits;
  private final LineStarts lineStarts;
  private final Map<String, Node> anchors = new HashMap<>();
  private int pos;
  private int depth;

  YamlParser(String text, Yaml.Limits limits) {
    // CRLF reads as LF; a lone CR stays in the text, so lines agree with SourceFile's
    String normalized = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    this.s = normalized.startsWith("\uFEFF") ? " " + normalized.substring(1) : normalized;
    this.n = s.length();
    this.limits = limits;
    int nul = s.indexOf(EOF);
    this.lineStarts = LineStarts.of(s);
    if (nul >= 0) {
      throw error("a NUL character: this is binary data, not YAML", nul);
    }
  }

  List<Yaml.Document> documents() {
    List<Yaml.Document> documents = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= n) {
        return documents;
      }
      if (columnOf(pos) == 0 && s.charAt(pos) == '%') {
        skipToLineEnd();
        continue;
      }
      if (atMarker("...")) {
        pos += 3;
        continue;
      }
      int line = lineOf(pos);
      anchors.clear();
      Node root;
      if (atMarker("---")) {
        pos += 3;
        skipInlineSpaces();
        root = atLineEnd() ? block(-1, false) : node(-1, false, false);
      } else {
        root = block(-1, false);
      }
      documents.add(new Yaml.Document(root, line));
      skipSpaceAndComments();
      if (pos < n && !atMarker("---") && !atMarker("...")) {
        throw error(
            "unexpected content after the document's root node ended: check the indentation", pos);
      }
    }
  }

  /** The node on the lines that follow, indented more than {@code parent}; empty when none is. */
  private Node block(int parent, boolean sequenceMayShareIndent) {
    int before = pos;
    skipSpaceAndComments();
    if (pos >= n || atMarker("---") || atMarker("...")) {
      return empty(before);
    }
    int column = columnOf(pos);
    checkIndentation();
    if (column > parent) {
      return node(parent, true, false);
    }
    if (column == parent && sequenceMayShareIndent && atSequenceEntry()) {
      return sequence(column);
    }
    return empty(before);
  }

  /**
   * The node that starts at {@code pos}: properties, then an alias, a flow collection, a block
   * scalar, a quoted or plain scalar, or (where {@code collections} allows) a block mapping or
   * sequence whose indentation is the current column.
   */
  private Node node(int parent, boolean collections, boolean mapValue) {
    int start = pos;
    int column = columnOf(pos);
    String anchor = null;
    String tag = null;
    while (at(pos) == '&' || at(pos) == '!') {
      if (at(pos) == '&') {
        pos++;
        anchor = name("an anchor");
      } else {
        int from = pos;
        while (!blank(at(pos)) && FLOW_INDICATORS.indexOf(at(pos)) < 0) {
          pos++;
        }
        tag = s.substring(from, pos);
      }
      skipInlineSpaces();
    }
    Node node;
    if ((anchor != null || tag != null) && atLineEnd()) {
      enter(lineOf(start), column + 1);
      node = block(parent, mapValue);
      depth--;
      if (node instanceof ScalarNode scalar && scalar.isNull()) {
        node = new ScalarNode("", ScalarNode.Style.PLAIN, tag, lineOf(start), column + 1);
      }
    } else {
      node = content(parent, collections, column, tag);
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node content(int parent, boolean collections, int column, String tag) {
    char c = at(pos);
    int start = pos;
    if (c == '*') {
      pos++;
      String alias = name("an alias");
      Node target = anchors.get(alias);
      if (target == null) {
        throw error(
            "unknown alias *"
                + alias
                + ": an alias must come after its anchor &"
                + alias
                + ", and cannot refer to a node that contains it",
            start);
      }
      expectLineEnd();
      return target;
    }
    if (c == '[' || c == '{') {
      Node flow = flow();
      skipInlineSpaces();
      if (at(pos) == ':') {
        throw error("a collection as a mapping key is not supported", start);
      }
      expectLineEnd();
      return flow;
    }
    if (c == '|' || c == '>') {
      return blockScalar(parent, tag);
    }
    if (c == '"' || c == '\'') {
      ScalarNode scalar = quoted(tag);
      int after = pos;
      skipInlineSpaces();
      if (at(pos) == ':' && blank(at(pos + 1))) {
        if (!collections) {
          throw error("a mapping is not allowed here: start it on its own line, indented", start);
        }
        return mapping(column, scalar);
      }
      pos = after;
      expectLineEnd();
      return scalar;
    }
    if (c == '-' && blank(at(pos + 1))) {
      if (!collections) {
        throw error("a sequence entry '- ' is not allowed here: start it on its own line", start);
      }
      return sequence(column);
    }
    if (c == '?' && blank(at(pos + 1))) {
      throw error("complex mapping keys ('? ') are not supported", start);
    }
    if (c == '@' || c == '`' || FLOW_INDICATORS.indexOf(c) >= 0) {
      throw error("a plain value cannot start with '" + c + "': quote it", start);
    }
    int end = plainLine();
    if (at(pos) == ':') {
      if (!collections) {
        throw error(
            "a mapping is not allowed here (is a ': ' inside a value that should be quoted?)", pos);
      }
      return mapping(column, ScalarNode.plain(s.substring(start, end), lineOf(start), column + 1));
    }
    return plain(start, end, parent, tag);
  }

  /** A block mapping whose first key was read; its entries sit at {@code indent}. */
  private Node mapping(int indent, ScalarNode firstKey) {
    enter(firstKey.line(), firstKey.column());
    List<MapNode.Entry> entries = new ArrayList<>();
    ScalarNode key = firstKey;
    while (true) {
      skipInlineSpaces();
      pos++; // the ':'
      skipInlineSpaces();
      Node value = atLineEnd() ? block(indent, true) : node(indent, false, true);
      entries.add(new MapNode.Entry(key, value));
      skipSpaceAndComments();
      if (pos >= n || atMarker("---") || atMarker("...") || columnOf(pos) < indent) {
        break;
      }
      if (columnOf(pos) > indent) {
        throw error(
            "bad indentation: this line is indented more than the mapping's keys (column "
                + (indent + 1)
                + ")",
            pos);
      }
      checkIndentation();
      if (atSequenceEntry()) {
        throw error("a sequence entry where a mapping key was expected", pos);
      }
      key = key();
    }
    depth--;
    return checked(new MapNode(merged(entries), firstKey.line(), firstKey.column()));
  }

  private ScalarNode key() {
    int start = pos;
    char c = at(pos);
    if (c == '?' && blank(at(pos + 1))) {
      throw error("complex mapping keys ('? ') are not supported", start);
    }
    if (c == '&' || c == '!' || c == '*') {
      throw error("anchors, tags and aliases on mapping keys are not supported", start);
    }
    ScalarNode key;
    if (c == '"' || c == '\'') {
      key = quoted(null);
      skipInlineSpaces();
    } else {
      int end = plainLine();
      key = ScalarNode.plain(s.substring(start, end), lineOf(start), columnOf(start) + 1);
    }
    if (!(at(pos) == ':' && blank(at(pos + 1)))) {
      throw error("expected a 'key: value' entry at this indentation", start);
    }
    return key;
  }

  /** A block sequence whose entries ({@code - }) sit at {@code indent}. */
  private Node sequence(int indent) {
    int line = lineOf(pos);
    enter(line, indent + 1);
    List<Node> items = new ArrayList<>();
    while (true) {
      pos++; // the '-'
      skipInlineSpaces();
      items.add(atLineEnd() ? block(indent, false) : node(indent, true, false));
      skipSpaceAndComments();
      if (pos >= n || atMarker("---") || atMarker("...") || columnOf(pos) < indent) {
        break;
      }
      if (columnOf(pos) > indent) {
        throw error(
            "bad indentation: this line is indented more than the sequence's entries (column "
                + (indent + 1)
                + ")",
            pos);
      }
      if (!atSequenceEntry()) {
        break;
      }
      checkIndentation();
    }
    depth--;
    return checked(new ListNode(items, line, indent + 1));
  }

  private Node flow() {
    int start = pos;
    char open = s.charAt(pos);
    char close = open == '[' ? ']' : '}';
    enter(lineOf(start), columnOf(start) + 1);
    pos++;
    List<Node> items = new ArrayList<>();
    List<MapNode.Entry> entries = new ArrayList<>();
    while (true) {
      skipFlowSpace();
      if (at(pos) == close) {
        pos++;
        break;
      }
      if (pos >= n) {
        throw error("unclosed '" + open + "': it opens here and the text ends first", start);
      }
      Node item = flowNode();
      skipFlowSpace();
      if (at(pos) == ':' || open == '{') {
        if (!(item instanceof ScalarNode key)) {
          throw error("a collection as a mapping key is not supported", pos);
        }
        Node value;
        if (at(pos) == ':') {
          pos++;
          skipFlowSpace();
          value = at(pos) == ',' || at(pos) == close ? empty(pos) : flowNode();
          skipFlowSpace();
        } else {
          value = empty(pos);
        }
        if (open == '{') {
          entries.add(new MapNode.Entry(key, value));
        } else {
          items.add(
              checked(
                  new MapNode(List.of(new MapNode.Entry(key, value)), key.line(), key.column())));
        }
      } else {
        items.add(item);
      }
      if (at(pos) == ',') {
        pos++;
      } else if (at(pos) != close) {
        throw error(
            pos >= n
                ? "unclosed '" + open + "' that opens at line " + lineOf(start)
                : "expected ',' or '"
                    + close
                    + "' to go on with the '"
                    + open
                    + "' opened at line "
                    + lineOf(start)
                    + ", found '"
                    + at(pos)
                    + "'",
            pos >= n ? start : pos);
      }
    }
    depth--;
    int line = lineOf(start);
    int column = columnOf(start) + 1;
    return checked(
        open == '['
            ? new ListNode(items, line, column)
            : new MapNode(merged(entries), line, column));
  }

  private Node flowNode() {
    int start = pos;
    String anchor = null;
    String tag = null;
    while (at(pos) == '&' || at(pos) == '!') {
      if (at(pos) == '&') {
        pos++;
        anchor = name("an anchor");
      } else {
        int from = pos;
        while (!blank(at(pos)) && FLOW_INDICATORS.indexOf(at(pos)) < 0) {
          pos++;
        }
        tag = s.substring(from, pos);
      }
      skipFlowSpace();
    }
    char c = at(pos);
    Node node;
    if (c == '[' || c == '{') {
      node = flow();
    } else if (c == '"' || c == '\'') {
      node = quoted(tag);
    } else if (c == '*') {
      pos++;
      String alias = name("an alias");
      node = anchors.get(alias);
      if (node == null) {
        throw error("unknown alias *" + alias + ": an alias must come after its anchor", start);
      }
    } else {
      int from = pos;
      int end = pos;
      while (pos < n) {
        char d = s.charAt(pos);
        if (FLOW_INDICATORS.indexOf(d) >= 0 || d == '\n') {
          break;
        }
        if (d == ':' && (blank(at(pos + 1)) || FLOW_INDICATORS.indexOf(at(pos + 1)) >= 0)) {
          break;
        }
        if (d == '#' && pos > from && blank(s.charAt(pos - 1))) {
          break;
        }
        if (d != ' ' && d != '\t') {
          end = pos + 1;
        }
        pos++;
      }
      if (end == from) {
        if (anchor != null || tag != null) {
          node = new ScalarNode("", ScalarNode.Style.PLAIN, tag, lineOf(from), columnOf(from) + 1);
        } else {
          throw error(
              pos >= n ? "the text ends inside a flow collection" : "expected a value here", pos);
        }
      } else {
        pos = end;
        node =
            new ScalarNode(
                s.substring(from, end),
                ScalarNode.Style.PLAIN,
                tag,
                lineOf(from),
                columnOf(from) + 1);
      }
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /**
   * Scans a plain scalar's first line from {@code pos}: stops at a comment, the line's end, or a
   * key indicator (leaving {@code pos} on the ':'). Returns where its text ends.
   */
  private int plainLine() {
    int end = pos;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        break;
      }
      if (c == ':' && blank(at(pos + 1))) {
        return end;
      }
      if (c == '#' && pos > 0 && blank(s.charAt(pos - 1))) {
        break;
      }
      if (c != ' ' && c != '\t') {
        end = pos + 1;
      }
      pos++;
    }
    pos = end;
    return end;
  }

  /** A plain scalar, folding the lines that continue it (indented more than {@code parent}). */
  private ScalarNode plain(int start, int end, int parent, String tag) {
    StringBuilder text = new StringBuilder(s.substring(start, end));
    while (true) {
      int save = pos;
      skipInlineSpaces();
      if (at(pos) != '\n') {
        pos = save;
        break;
      }
      int breaks = 0;
      int line = pos + 1;
      int content = line;
      while (content < n) {
        while (content < n && (s.charAt(content) == ' ' || s.charAt(content) == '\t')) {
          content++;
        }
        if (content < n && s.charAt(content) == '\n') {
          breaks++;
          line = content + 1;
          content = line;
        } else {
          break;
        }
      }
      if (content >= n
          || content - line <= parent
          || s.charAt(content) == '#'
          || (content == line && (s.startsWith("---", line) || s.startsWith("...", line)))) {
        pos = save;
        break;
      }
      pos = content;
      int lineEnd = plainLine();
      if (at(pos) == ':') {
        throw error("a mapping key inside a multi-line value: check the indentation", pos);
      }
      text.append(breaks == 0 ? " " : "\n".repeat(breaks)).append(s, content, lineEnd);
    }
    return new ScalarNode(
        text.toString(), ScalarNode.Style.PLAIN, tag, lineOf(start), columnOf(start) + 1);
  }

  private ScalarNode quoted(String tag) {
    int start = pos;
    char quote = s.charAt(pos++);
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= n) {
        throw error(
            "unclosed " + (quote == '"' ? "double" : "single") + "-quoted string that starts here",
            start);
      }
      char c = s.charAt(pos);
      if (c == quote) {
        if (quote == '\'' && at(pos + 1) == '\'') {
          text.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\\' && quote == '"') {
        escape(text);
      } else if (c == '\n') {
        fold(text);
      } else {
        text.append(c);
        pos++;
      }
    }
    ScalarNode.Style style =
        quote == '"' ? ScalarNode.Style.DOUBLE_QUOTED : ScalarNode.Style.SINGLE_QUOTED;
    return new ScalarNode(text.toString(), style, tag, lineOf(start), columnOf(start) + 1);
  }

  /** A line break inside quotes: trailing spaces dropped, one break a space, more kept. */
  private void fold(StringBuilder text) {
    while (!text.isEmpty() && (text.charAt(text.length() - 1) == ' ')) {
      text.setLength(text.length() - 1);
    }
    int breaks = 0;
    while (pos < n && s.charAt(pos) == '\n') {
      pos++;
      breaks++;
      while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }
    text.append(breaks == 1 ? " " : "\n".repeat(breaks - 1));
  }

  private void escape(StringBuilder text) {
    int start = pos;
    char c = at(pos + 1);
    pos += 2;
    switch (c) {
      case '0' -> text.append('\0');
      case 'a' -> text.append('\u0007');
      case 'b' -> text.append('\b');
      case 't', '\t' -> text.append('\t');
      case 'n' -> text.append('\n');
      case 'v' -> text.append('\u000B');
      case 'f' -> text.append('\f');
      case 'r' -> text.append('\r');
      case 'e' -> text.append('\u001B');
      case ' ', '"', '/', '\\' -> text.append(c);
      case 'N' -> text.append('\u0085');
      case '_' -> text.append('\u00A0');
      case 'L' -> text.append('\u2028');
      case 'P' -> text.append('\u2029');
      case 'x' -> text.appendCodePoint(hex(2, start));
      case 'u' -> text.appendCodePoint(hex(4, start));
      case 'U' -> text.appendCodePoint(hex(8, start));
      case '\n' -> {
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
          pos++;
        }
      }
      default -> throw error("unknown escape '\\" + c + "' in a double-quoted string", start);
    }
  }

  private int hex(int digits, int start) {
    if (pos + digits > n) {
      throw error("a short hexadecimal escape", start);
    }
    try {
      int code = Integer.parseUnsignedInt(s.substring(pos, pos + digits), 16);
      if (!Character.isValidCodePoint(code)) {
        throw error("an escape beyond Unicode", start);
      }
      pos += digits;
      return code;
    } catch (NumberFormatException e) {
      throw error("a bad hexadecimal escape", start);
    }
  }

  /** A literal ({@code |}) or folded ({@code >}) block scalar, its indicators and its lines. */
  private ScalarNode blockScalar(int parent, String tag) {
    int start = pos;
    boolean literal = s.charAt(pos++) == '|';
    char chomping = 'c';
    int indicator = 0;
    for (int i = 0; i < 2; i++) {
      char c = at(pos);
      if ((c == '+' || c == '-') && chomping == 'c') {
        chomping = c;
        pos++;
      } else if (c >= '1' && c <= '9' && indicator == 0) {
        indicator = c - '0';
        pos++;
      }
    }
    skipInlineSpaces();
    if (!atLineEnd()) {
      throw error("unexpected text after the block scalar's indicator", pos);
    }
    skipToLineEnd();
    if (pos < n) {
      pos++;
    }
    int indent = indicator > 0 ? Math.max(parent, 0) + indicator : -1;
    if (indent < 0) {
      for (int p = pos; p < n; ) {
        int spaces = 0;
        while (p + spaces < n && s.charAt(p + spaces) == ' ') {
          spaces++;
        }
        if (p + spaces < n && s.charAt(p + spaces) != '\n') {
          indent = spaces;
          break;
        }
        p += spaces + 1;
      }
      if (indent <= parent) {
        indent = Integer.MAX_VALUE;
      }
    }
    List<String> lines = new ArrayList<>();
    while (pos < n) {
      int end = s.indexOf('\n', pos);
      end = end < 0 ? n : end;
      int spaces = 0;
      while (pos + spaces < end && s.charAt(pos + spaces) == ' ') {
        spaces++;
      }
      if (pos + spaces == end) {
        lines.add(spaces > indent ? s.substring(pos + indent, end) : "");
      } else if (spaces < indent
          || (spaces == 0 && (s.startsWith("---", pos) || s.startsWith("...", pos)))) {
        break;
      } else {
        lines.add(s.substring(pos + indent, end));
      }
      pos = Math.min(end + 1, n);
    }
    int trailing = 0;
    while (!lines.isEmpty() && lines.getLast().isEmpty()) {
      lines.removeLast();
      trailing++;
    }
    String body = literal ? String.join("\n", lines) : folded(lines);
    String value;
    if (lines.isEmpty()) {
      value = chomping == '+' ? "\n".repeat(trailing) : "";
    } else {
      value =
          switch (chomping) {
            case '-' -> body;
            case '+' -> body + "\n" + "\n".repeat(trailing);
            default -> body + "\n";
          };
    }
    // leave pos at the start of the line that ended the scalar, as block parsing expects
    ScalarNode.Style style = literal ? ScalarNode.Style.LITERAL : ScalarNode.Style.FOLDED;
    return new ScalarNode(value, style, tag, lineOf(start), columnOf(start) + 1);
  }

  private static String folded(List<String> lines) {
    StringBuilder text = new StringBuilder();
    String previous = null;
    int empty = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        empty++;
        continue;
      }
      if (previous != null) {
        boolean indented = moreIndented(line) || moreIndented(previous);
        if (empty == 0) {
          text.append(indented ? "\n" : " ");
        } else {
          text.append(indented ? "\n" : "").append("\n".repeat(empty));
        }
      } else {
        text.append("\n".repeat(empty));
      }
      text.append(line);
      previous = line;
      empty = 0;
    }
    return text.toString();
  }

  private static boolean moreIndented(String line) {
    return line.charAt(0) == ' ' || line.charAt(0) == '\t';
  }

  /** Applies merge keys ({@code <<: *base}): entries of the merged maps the map does not set. */
  private List<MapNode.Entry> merged(List<MapNode.Entry> entries) {
    boolean merges = false;
    for (MapNode.Entry entry : entries) {
      merges |= entry.key().style() == ScalarNode.Style.PLAIN && entry.key().value().equals("<<");
    }
    if (!merges) {
      return entries;
    }
    List<MapNode.Entry> result = new ArrayList<>();
    Set<String> own = new LinkedHashSet<>();
    for (MapNode.Entry entry : entries) {
      if (!entry.key().value().equals("<<")) {
        result.add(entry);
        own.add(entry.key().value());
      }
    }
    for (MapNode.Entry entry : entries) {
      if (!entry.key().value().equals("<<")) {
        continue;
      }
      List<Node> sources =
          entry.value() instanceof ListNode list ? list.items() : List.of(entry.value());
      for (Node source : sources) {
        if (!(source instanceof MapNode map)) {
          throw error("a merge key ('<<') must name a mapping or a list of mappings", entry.key());
        }
        for (MapNode.Entry inherited : map.entries()) {
          if (own.add(inherited.key().value())) {
            result.add(inherited);
          }
        }
      }
    }
    return result;
  }

  private Node checked(Node node) {
    if (node.size() > limits.maxNodes()) {
      throw YamlException.limit(
          "the document stands for more than "
              + limits.maxNodes()
              + " nodes once its aliases are expanded (the limit): an alias bomb, or a document"
              + " too large to review",
          node.line(),
          node.column());
    }
    return node;
  }

  private void enter(int line, int column) {
    if (++depth > limits.maxDepth()) {
      throw YamlException.limit(
          "collections nest deeper than " + limits.maxDepth() + " levels (the limit)",
          line,
          column);
    }
  }

  private String name(String what) {
    int from = pos;
    while (!blank(at(pos)) && FLOW_INDICATORS.indexOf(at(pos)) < 0) {
      pos++;
    }
    if (pos == from) {
      throw error("expected the name of " + what, from);
    }
    return s.substring(from, pos);
  }

  private ScalarNode empty(int at) {
    int p = Math.min(at, Math.max(n - 1, 0));
    return ScalarNode.plain("", lineOf(p), columnOf(p) + 1);
  }

  private void expectLineEnd() {
    int save = pos;
    skipInlineSpaces();
    if (!atLineEnd()) {
      throw error("unexpected text after the value: quote the whole value", pos);
    }
    pos = save;
  }

  private void checkIndentation() {
    for (int i = lineStarts.start(lineOf(pos)); i < pos; i++) {
      if (s.charAt(i) == '\t') {
        throw error("a tab in the indentation: YAML indents with spaces only", i);
      }
    }
  }

  private boolean atSequenceEntry() {
    return at(pos) == '-' && blank(at(pos + 1));
  }

  private boolean atMarker(String marker) {
    return columnOf(pos) == 0 && s.startsWith(marker, pos) && blank(at(pos + 3));
  }

  private boolean atLineEnd() {
    char c = at(pos);
    return c == '\n' || c == EOF || c == '#';
  }

  private void skipInlineSpaces() {
    while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipToLineEnd() {
    while (pos < n && s.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipSpaceAndComments() {
    while (pos < n) {
      skipInlineSpaces();
      if (at(pos) == '#') {
        skipToLineEnd();
      }
      if (at(pos) == '\n') {
        pos++;
      } else {
        return;
      }
    }
  }

  private void skipFlowSpace() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n') {
        pos++;
      } else if (c == '#' && (pos == 0 || blank(s.charAt(pos - 1)))) {
        skipToLineEnd();
      } else {
        return;
      }
    }
  }

  private char at(int i) {
    return i < n ? s.charAt(i) : EOF;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == EOF;
  }

  private int lineOf(int p) {
    return lineStarts.lineOf(p);
  }

  private int columnOf(int p) {
    return p - lineStarts.start(lineOf(p));
  }

  private YamlException error(String problem, int p) {
    int at = Math.min(p, n);
    return new YamlException(problem, lineOf(at), columnOf(at) + 1);
  }

  private YamlException error(String problem, Node node) {
    return new YamlException(problem, node.line(), node.column());
  }
}
