package dev.sremcp.domain.promql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks regular expressions against the RE2 syntax of Go's {@code regexp} package (Go 1.19), with
 * Go's error messages, and tells whether one matches the empty string. It builds only a small tree:
 * it never matches text.
 */
final class Re2 {

  /** The outcome: Go's error message, or null and whether the whole-string match accepts "". */
  record Result(String error, boolean matchesEmpty) {}

  private static final int MAX_REPEAT = 1000;
  private static final int MAX_HEIGHT = 1000;

  /**
   * The POSIX classes allowed inside brackets, such as {@code [:alpha:]} and {@code [:^alpha:]}.
   */
  private static final Set<String> POSIX_CLASSES = posixClasses();

  /** "Any", the Unicode general categories and the scripts of Go 1.19's unicode package. */
  private static final Set<String> UNICODE_CLASSES =
      Set.of(
          ("Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc"
                  + " Sk Sm So Z Zl Zp Zs Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian"
                  + " Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi"
                  + " Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma"
                  + " Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret"
                  + " Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic"
                  + " Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi"
                  + " Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana"
                  + " Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian"
                  + " Javanese Kaithi Kannada Katakana Kayah_Li Kharoshthi Khitan_Small_Script"
                  + " Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian"
                  + " Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi"
                  + " Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive"
                  + " Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean"
                  + " Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham"
                  + " Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian"
                  + " Old_Sogdian Old_South_Arabian Old_Turkic Oriya Osage Osmanya Pahawh_Hmong"
                  + " Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic"
                  + " Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian"
                  + " Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le"
                  + " Tai_Tham Tai_Viet Takri Tamil Tangut Telugu Thaana Thai Tibetan Tifinagh"
                  + " Tirhuta Ugaritic Vai Wancho Warang_Citi Yezidi Yi Zanabazar_Square")
              .split(" "));

  private Re2() {}

  private static Set<String> posixClasses() {
    Set<String> classes = new HashSet<>();
    for (String name :
        "alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit"
            .split(" ")) {
      classes.add("[:" + name + ":]");
      classes.add("[:^" + name + ":]");
    }
    return Set.copyOf(classes);
  }

  /**
   * Checks a label matcher's regex as Prometheus does: it compiles {@code ^(?:value)$} and then
   * parses the value on its own. Lone surrogates in the value stand for bytes that are not UTF-8.
   */
  static Result analyze(String value) {
    String error = new Parser("^(?:" + value + ")$").parseOrError();
    if (error != null) {
      return new Result(error, false);
    }
    Parser alone = new Parser(value);
    error = alone.parseOrError();
    if (error != null) {
      return new Result(error, false);
    }
    return new Result(null, alone.root.nullable);
  }

  private enum Kind {
    CHAR,
    ASSERT,
    EMPTY,
    NO_MATCH,
    CONCAT,
    ALT,
    CAPTURE,
    STAR,
    PLUS,
    QUEST,
    REPEAT
  }

  /** A node of the regex tree: only what validity and empty-string matching need. */
  private static final class Node {
    final Kind kind;
    final List<Node> subs;
    final int min;
    final int max;
    final boolean nullable;
    final int height;

    Node(Kind kind, List<Node> subs, int min, int max, boolean nullable) {
      this.kind = kind;
      this.subs = subs;
      this.min = min;
      this.max = max;
      this.nullable = nullable;
      int h = 1;
      for (Node sub : subs) {
        h = Math.max(h, sub.height + 1);
      }
      this.height = h;
    }

    static Node leaf(Kind kind, boolean nullable) {
      return new Node(kind, List.of(), 0, 0, nullable);
    }
  }

  /** The marker a {@code (} leaves on the parse stack. */
  private record LeftParen(boolean capture) {}

  private static final Object VERTICAL_BAR = new Object();

  /** Go's error: a code and the offending part of the expression. */
  private static final class RegexError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RegexError(String code, String expr) {
      super(
          "error parsing regexp: "
              + code
              + ": `"
              + expr.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD")
              + "`",
          null,
          false,
          false);
    }
  }

  private static final class Parser {
    private final String s;
    private final List<Object> stack = new ArrayList<>();
    private Node root;

    Parser(String s) {
      this.s = s;
    }

    String parseOrError() {
      try {
        parse();
        return null;
      } catch (RegexError e) {
        return e.getMessage();
      }
    }

    private void parse() {
      int t = 0;
      int lastRepeat = -1;
      while (t < s.length()) {
        int repeat = -1;
        char c = s.charAt(t);
        switch (c) {
          case '(' -> {
            if (t + 1 < s.length() && s.charAt(t + 1) == '?') {
              t = perlFlags(t);
            } else {
              stack.add(new LeftParen(true));
              t++;
            }
          }
          case '|' -> {
            verticalBar();
            t++;
          }
          case ')' -> {
            rightParen();
            t++;
          }
          case '^', '$' -> {
            push(Node.leaf(Kind.ASSERT, true));
            t++;
          }
          case '.' -> {
            push(Node.leaf(Kind.CHAR, false));
            t++;
          }
          case '[' -> t = charClass(t);
          case '*', '+', '?' -> {
            Kind kind = c == '*' ? Kind.STAR : c == '+' ? Kind.PLUS : Kind.QUEST;
            int after = repeat(kind, 0, 0, t, t + 1, lastRepeat);
            repeat = t;
            t = after;
          }
          case '{' -> {
            int[] spec = repeatSpec(t);
            if (spec == null) {
              push(Node.leaf(Kind.CHAR, false));
              t++;
            } else {
              int min = spec[0];
              int max = spec[1];
              if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
                throw new RegexError("invalid repeat count", s.substring(t, spec[2]));
              }
              int after = repeat(Kind.REPEAT, min, max, t, spec[2], lastRepeat);
              repeat = t;
              t = after;
            }
          }
          case '\\' -> t = backslash(t);
          default -> {
            int r = rune(t);
            push(Node.leaf(Kind.CHAR, false));
            t += Character.charCount(r);
          }
        }
        lastRepeat = repeat;
      }
      concat();
      if (swapVerticalBar()) {
        stack.remove(stack.size() - 1);
      }
      alternate();
      if (stack.size() != 1) {
        throw new RegexError("missing closing )", s);
      }
      root = (Node) stack.get(0);
    }

    private void push(Node node) {
      if (node.height > MAX_HEIGHT) {
        throw new RegexError("expression nests too deeply", s);
      }
      stack.add(node);
    }

    private int rune(int i) {
      int r = s.codePointAt(i);
      if (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE) {
        throw new RegexError("invalid UTF-8", s.substring(i));
      }
      return r;
    }

    private void checkUtf8(int from, int to) {
      for (int i = from; i < to; ) {
        i += Character.charCount(rune(i));
      }
    }

    private int repeat(Kind kind, int min, int max, int before, int after, int lastRepeat) {
      int end = after;
      if (end < s.length() && s.charAt(end) == '?') {
        end++;
      }
      if (lastRepeat >= 0) {
        throw new RegexError("invalid nested repetition operator", s.substring(lastRepeat, end));
      }
      if (stack.isEmpty() || !(stack.get(stack.size() - 1) instanceof Node sub)) {
        throw new RegexError("missing argument to repetition operator", s.substring(before, end));
      }
      boolean nullable =
          switch (kind) {
            case STAR, QUEST -> true;
            case REPEAT -> min == 0 || sub.nullable;
            default -> sub.nullable;
          };
      stack.remove(stack.size() - 1);
      Node node = new Node(kind, List.of(sub), min, max, nullable);
      push(node);
      if (kind == Kind.REPEAT && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
        throw new RegexError("invalid repeat count", s.substring(before, end));
      }
      return end;
    }

    /** Whether nested counted repetitions stay within n copies of the innermost thing. */
    private static boolean repeatIsValid(Node node, int n) {
      int budget = n;
      if (node.kind == Kind.REPEAT) {
        int m = node.max;
        if (m == 0) {
          return true;
        }
        if (m < 0) {
          m = node.min;
        }
        if (m > budget) {
          return false;
        }
        if (m > 0) {
          budget /= m;
        }
      }
      for (Node sub : node.subs) {
        if (!repeatIsValid(sub, budget)) {
          return false;
        }
      }
      return true;
    }

    /** Parses {min}, {min,} or {min,max} at t: {min, max (-1 if open), end}, or null. */
    private int[] repeatSpec(int t) {
      int i = t + 1;
      int[] min = decimal(i);
      if (min == null) {
        return null;
      }
      i = min[1];
      if (i >= s.length()) {
        return null;
      }
      int lo = min[0];
      int hi;
      if (s.charAt(i) != ',') {
        hi = lo;
      } else {
        i++;
        if (i >= s.length()) {
          return null;
        }
        if (s.charAt(i) == '}') {
          hi = -1;
        } else {
          int[] max = decimal(i);
          if (max == null) {
            return null;
          }
          hi = max[0];
          i = max[1];
          if (hi < 0) {
            lo = -1;
          }
        }
      }
      if (i >= s.length() || s.charAt(i) != '}') {
        return null;
      }
      return new int[] {lo, hi, i + 1};
    }

    /** A decimal without leading zeros at i: {value (-1 if too big), end}, or null. */
    private int[] decimal(int i) {
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        return null;
      }
      if (i + 1 < s.length() && s.charAt(i) == '0' && isDigit(s.charAt(i + 1))) {
        return null;
      }
      int end = i;
      while (end < s.length() && isDigit(s.charAt(end))) {
        end++;
      }
      int n = 0;
      for (int k = i; k < end; k++) {
        if (n >= 100_000_000) {
          n = -1;
          break;
        }
        n = n * 10 + s.charAt(k) - '0';
      }
      return new int[] {n, end};
    }

    private int perlFlags(int t) {
      if (s.length() - t > 4 && s.charAt(t + 2) == 'P' && s.charAt(t + 3) == '<') {
        int end = s.indexOf('>', t);
        if (end < 0) {
          checkUtf8(t, s.length());
          throw new RegexError("invalid named capture", s.substring(t));
        }
        checkUtf8(t + 4, end);
        String name = s.substring(t + 4, end);
        if (!isCaptureName(name)) {
          throw new RegexError("invalid named capture", s.substring(t, end + 1));
        }
        stack.add(new LeftParen(true));
        return end + 1;
      }
      int i = t + 2;
      boolean negated = false;
      boolean sawFlag = false;
      loop:
      while (i < s.length()) {
        int c = rune(i);
        i += Character.charCount(c);
        switch (c) {
          case 'i', 'm', 's', 'U' -> sawFlag = true;
          case '-' -> {
            if (negated) {
              break loop;
            }
            negated = true;
            sawFlag = false;
          }
          case ':', ')' -> {
            if (negated && !sawFlag) {
              break loop;
            }
            if (c == ':') {
              stack.add(new LeftParen(false));
            }
            return i;
          }
          default -> {
            break loop;
          }
        }
      }
      throw new RegexError("invalid or unsupported Perl syntax", s.substring(t, i));
    }

    private static boolean isCaptureName(String name) {
      if (name.isEmpty()) {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c != '_' && !isAlnum(c)) {
          return false;
        }
      }
      return true;
    }

    private void verticalBar() {
      concat();
      if (!swapVerticalBar()) {
        stack.add(VERTICAL_BAR);
      }
    }

    private void rightParen() {
      concat();
      if (swapVerticalBar()) {
        stack.remove(stack.size() - 1);
      }
      alternate();
      int n = stack.size();
      if (n < 2 || !(stack.get(n - 2) instanceof LeftParen paren)) {
        throw new RegexError("unexpected )", s);
      }
      Node inner = (Node) stack.remove(n - 1);
      stack.remove(n - 2);
      push(paren.capture() ? new Node(Kind.CAPTURE, List.of(inner), 0, 0, inner.nullable) : inner);
    }

    /** If a vertical bar sits just below the top, swaps the two and says so. */
    private boolean swapVerticalBar() {
      int n = stack.size();
      if (n >= 2 && stack.get(n - 2) == VERTICAL_BAR) {
        stack.set(n - 2, stack.get(n - 1));
        stack.set(n - 1, VERTICAL_BAR);
        return true;
      }
      return false;
    }

    private List<Node> popNodes() {
      int i = stack.size();
      while (i > 0 && stack.get(i - 1) instanceof Node) {
        i--;
      }
      List<Node> nodes = new ArrayList<>();
      for (Object o : stack.subList(i, stack.size())) {
        nodes.add((Node) o);
      }
      stack.subList(i, stack.size()).clear();
      return nodes;
    }

    private void concat() {
      List<Node> subs = popNodes();
      if (subs.isEmpty()) {
        push(Node.leaf(Kind.EMPTY, true));
        return;
      }
      boolean nullable = true;
      for (Node sub : subs) {
        nullable &= sub.nullable;
      }
      push(collapse(subs, Kind.CONCAT, nullable));
    }

    private void alternate() {
      List<Node> subs = popNodes();
      if (subs.isEmpty()) {
        push(Node.leaf(Kind.NO_MATCH, false));
        return;
      }
      boolean nullable = false;
      for (Node sub : subs) {
        nullable |= sub.nullable;
      }
      push(collapse(subs, Kind.ALT, nullable));
    }

    private static Node collapse(List<Node> subs, Kind kind, boolean nullable) {
      if (subs.size() == 1) {
        return subs.get(0);
      }
      List<Node> flat = new ArrayList<>();
      for (Node sub : subs) {
        if (sub.kind == kind) {
          flat.addAll(sub.subs);
        } else {
          flat.add(sub);
        }
      }
      return new Node(kind, List.copyOf(flat), 0, 0, nullable);
    }

    private int backslash(int t) {
      if (s.length() - t >= 2) {
        switch (s.charAt(t + 1)) {
          case 'A', 'B', 'z' -> {
            push(Node.leaf(Kind.ASSERT, true));
            return t + 2;
          }
          case 'b' -> {
            push(Node.leaf(Kind.ASSERT, false));
            return t + 2;
          }
          case 'C' -> throw new RegexError("invalid escape sequence", s.substring(t, t + 2));
          case 'Q' -> {
            int end = s.indexOf("\\E", t + 2);
            int litEnd = end < 0 ? s.length() : end;
            for (int i = t + 2; i < litEnd; ) {
              i += Character.charCount(rune(i));
              push(Node.leaf(Kind.CHAR, false));
            }
            return end < 0 ? s.length() : end + 2;
          }
          default -> {
            // an ordinary escape, handled below
          }
        }
      }
      int next = unicodeClass(t);
      if (next < 0) {
        next = perlClass(t);
      }
      if (next < 0) {
        next = escape(t)[1];
      }
      push(Node.leaf(Kind.CHAR, false));
      return next;
    }

    /** The end of a \d, \s or \w class (or their negations) at i, or -1. */
    private int perlClass(int i) {
      if (s.length() - i >= 2 && s.charAt(i) == '\\' && "dDsSwW".indexOf(s.charAt(i + 1)) >= 0) {
        return i + 2;
      }
      return -1;
    }

    /** The end of a \pN or \p{Name} class at i, -1 if there is none; throws if it is unknown. */
    private int unicodeClass(int i) {
      if (s.length() - i < 2
          || s.charAt(i) != '\\'
          || (s.charAt(i + 1) != 'p' && s.charAt(i + 1) != 'P')) {
        return -1;
      }
      int j = i + 2;
      int c = 0xFFFD;
      if (j < s.length()) {
        c = rune(j);
        j += Character.charCount(c);
      }
      String seq;
      String name;
      if (c != '{') {
        seq = s.substring(i, j);
        name = s.substring(i + 2, j);
      } else {
        int end = s.indexOf('}', i);
        if (end < 0) {
          checkUtf8(i, s.length());
          throw new RegexError("invalid character class range", s.substring(i));
        }
        seq = s.substring(i, end + 1);
        name = s.substring(i + 3, end);
        checkUtf8(i + 3, end);
        j = end + 1;
      }
      if (name.startsWith("^")) {
        name = name.substring(1);
      }
      if (!UNICODE_CLASSES.contains(name)) {
        throw new RegexError("invalid character class range", seq);
      }
      return j;
    }

    private int charClass(int t) {
      int i = t + 1;
      if (i < s.length() && s.charAt(i) == '^') {
        i++;
      }
      boolean first = true;
      while (i >= s.length() || s.charAt(i) != ']' || first) {
        first = false;
        if (s.length() - i > 2 && s.charAt(i) == '[' && s.charAt(i + 1) == ':') {
          int close = s.indexOf(":]", i + 2);
          if (close >= 0) {
            String name = s.substring(i, close + 2);
            if (!POSIX_CLASSES.contains(name)) {
              throw new RegexError("invalid character class range", name);
            }
            i = close + 2;
            continue;
          }
        }
        int next = unicodeClass(i);
        if (next < 0) {
          next = perlClass(i);
        }
        if (next >= 0) {
          i = next;
          continue;
        }
        int rangeStart = i;
        int[] lo = classChar(i, t);
        i = lo[1];
        if (s.length() - i >= 2 && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          int[] hi = classChar(i + 1, t);
          i = hi[1];
          if (hi[0] < lo[0]) {
            throw new RegexError("invalid character class range", s.substring(rangeStart, i));
          }
        }
      }
      push(Node.leaf(Kind.CHAR, false));
      return i + 1;
    }

    private int[] classChar(int i, int classStart) {
      if (i >= s.length()) {
        throw new RegexError("missing closing ]", s.substring(classStart));
      }
      if (s.charAt(i) == '\\') {
        return escape(i);
      }
      int r = rune(i);
      return new int[] {r, i + Character.charCount(r)};
    }

    /** An ordinary escape at i (which holds the backslash): {rune, end}. */
    private int[] escape(int i) {
      int j = i + 1;
      if (j >= s.length()) {
        throw new RegexError("trailing backslash at end of expression", "");
      }
      int c = rune(j);
      j += Character.charCount(c);
      switch (c) {
        case '1', '2', '3', '4', '5', '6', '7', '0' -> {
          if (c != '0' && (j >= s.length() || !isOctal(s.charAt(j)))) {
            break;
          }
          int r = c - '0';
          for (int k = 1; k < 3 && j < s.length() && isOctal(s.charAt(j)); k++) {
            r = r * 8 + s.charAt(j) - '0';
            j++;
          }
          return new int[] {r, j};
        }
        case 'x' -> {
          if (j >= s.length()) {
            break;
          }
          c = rune(j);
          j += Character.charCount(c);
          if (c == '{') {
            int digits = 0;
            int r = 0;
            while (true) {
              if (j >= s.length()) {
                throw new RegexError("invalid escape sequence", s.substring(i, j));
              }
              c = rune(j);
              j += Character.charCount(c);
              if (c == '}') {
                break;
              }
              int v = Character.digit(c, 16);
              if (v < 0 || c > 'f' || r * 16 + v > Character.MAX_CODE_POINT) {
                throw new RegexError("invalid escape sequence", s.substring(i, j));
              }
              r = r * 16 + v;
              digits++;
            }
            if (digits == 0) {
              break;
            }
            return new int[] {r, j};
          }
          int x = c > 'f' ? -1 : Character.digit(c, 16);
          int y = -1;
          if (j < s.length()) {
            int c2 = rune(j);
            j += Character.charCount(c2);
            y = c2 > 'f' ? -1 : Character.digit(c2, 16);
          }
          if (x < 0 || y < 0) {
            break;
          }
          return new int[] {x * 16 + y, j};
        }
        case 'a', 'f', 'n', 'r', 't', 'v' -> {
          return new int[] {"\u0007\f\n\r\t\u000b".charAt("afnrtv".indexOf(c)), j};
        }
        default -> {
          if (c < 0x80 && !isAlnum(c)) {
            return new int[] {c, j};
          }
        }
      }
      throw new RegexError("invalid escape sequence", s.substring(i, j));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isOctal(char c) {
      return c >= '0' && c <= '7';
    }

    private static boolean isAlnum(int c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }
}
