package dev.sremcp.domain.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds secrets (cloud and SaaS keys and tokens, JWTs, private keys, passwords in URLs, connection
 * strings and assignments, generic high-entropy strings) and personal data (emails, IP addresses,
 * host names when asked) and replaces each with a pseudonym keyed by the tenant: the same value
 * reads the same within a tenant and differently across tenants, and cannot be reversed without the
 * {@link Redacted#originals()} the caller keeps. Every pattern is linear in the text.
 */
public final class Redactor {

  /** One detector: a pattern and the group that holds the value to replace. */
  private record Detector(SecretKind kind, Pattern pattern, int group) {}

  /** A key that ends with a secret's name: DB_PASSWORD, client_secret, apiKey, X-Auth-Token. */
  private static final String SECRET_KEY =
      "(?i)(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,40}?(?:password|passwd|pwd|secret|token|api_?key"
          + "|access_?key|private_?key|credentials?)(?:[_.][A-Za-z0-9_]{1,40}?)?";

  private static final List<Detector> SECRETS =
      List.of(
          new Detector(
              SecretKind.PRIVATE_KEY,
              Pattern.compile(
                  "-----BEGIN [A-Z ]{0,30}PRIVATE KEY( BLOCK)?-----[A-Za-z0-9+/=\\s:,-]{0,16384}?-----END [A-Z ]{0,30}PRIVATE KEY( BLOCK)?-----"),
              0),
          new Detector(
              SecretKind.AWS_ACCESS_KEY,
              Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"),
              0),
          new Detector(
              SecretKind.AWS_SECRET_KEY,
              Pattern.compile(
                  "(?i)aws[a-z_ .-]{0,20}(?:secret|key)[a-z_ .\"'-]{0,20}[=:]\\s{0,5}[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
              1),
          new Detector(
              SecretKind.GITHUB_TOKEN,
              Pattern.compile(
                  "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b"),
              0),
          new Detector(SecretKind.GITLAB_TOKEN, Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), 0),
          new Detector(
              SecretKind.SLACK_TOKEN,
              Pattern.compile(
                  "\\bxox[abposr]-[A-Za-z0-9-]{10,}|https://hooks\\.slack\\.com/services/[A-Za-z0-9/]{20,}"),
              0),
          new Detector(
              SecretKind.STRIPE_KEY,
              Pattern.compile(
                  "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|\\bwhsec_[A-Za-z0-9]{16,}"),
              0),
          new Detector(SecretKind.GOOGLE_API_KEY, Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), 0),
          new Detector(
              SecretKind.OPENAI_KEY, Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"), 0),
          new Detector(
              SecretKind.JWT,
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}"),
              0),
          new Detector(
              SecretKind.BEARER_TOKEN,
              Pattern.compile("(?i)\\bbearer\\s{1,5}([A-Za-z0-9._~+/-]{16,}=*)"),
              1),
          new Detector(
              SecretKind.URL_PASSWORD,
              Pattern.compile(
                  "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^:/\\s@]{1,256}:([^@\\s/]{1,256})@"),
              1),
          new Detector(
              SecretKind.CONNECTION_STRING_PASSWORD,
              Pattern.compile(
                  "(?i)(?:^|[;\\s\"'])(?:password|pwd)\\s{0,5}=\\s{0,5}([^;\\s'\"]{1,256})"),
              1),
          new Detector(
              SecretKind.SECRET_ASSIGNMENT,
              Pattern.compile(
                  SECRET_KEY + "[\"']?\\s{0,5}[=:]\\s{0,5}[\"']?([^\\s\"',;}{]{4,256})"),
              1));

  private static final Detector EMAIL =
      new Detector(
          SecretKind.EMAIL,
          Pattern.compile(
              "\\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}\\b"),
          0);
  private static final Detector IPV4 =
      new Detector(
          SecretKind.IPV4,
          Pattern.compile(
              "(?<![\\d.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?![\\d.])"),
          0);
  private static final Detector IPV6 =
      new Detector(
          SecretKind.IPV6,
          Pattern.compile(
              "(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"
                  + "|(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){2,6}:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,4}(?![0-9A-Fa-f:])"
                  + "|(?<![0-9A-Fa-f:])[0-9A-Fa-f]{1,4}::(?:[0-9A-Fa-f]{1,4}:){1,4}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"),
          0);
  private static final Detector HOSTNAME =
      new Detector(
          SecretKind.HOSTNAME,
          Pattern.compile(
              "\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){2,8}(?:com|net|org|io|dev|cloud|internal|local|lan|corp|svc|cluster\\.local)\\b"),
          0);
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/-]{32,512}={0,2}");

  /**
   * What to redact beyond secrets.
   *
   * @param personalData emails and IP addresses
   * @param hostnames host names (off by default: they are often what an explanation needs)
   */
  public record Options(boolean personalData, boolean hostnames) {
    public static final Options DEFAULT = new Options(true, false);
  }

  private final Mac mac;
  private final List<Detector> detectors;

  /**
   * A redactor for one tenant.
   *
   * @param tenantKey the tenant's pseudonym key: at least 16 bytes, kept server-side
   */
  public Redactor(byte[] tenantKey, Options options) {
    if (tenantKey.length < 16) {
      throw new IllegalArgumentException("a pseudonym key has at least 16 bytes");
    }
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
    List<Detector> all = new ArrayList<>(SECRETS);
    if (options.personalData()) {
      all.add(EMAIL);
      all.add(IPV4);
      all.add(IPV6);
    }
    if (options.hostnames()) {
      all.add(HOSTNAME);
    }
    this.detectors = List.copyOf(all);
  }

  /** A span of the text to replace. */
  private record Span(int start, int end, SecretKind kind) {}

  /** The text with every secret and personal datum replaced, and the receipt. */
  public synchronized Redacted redact(String text) {
    List<Span> spans = new ArrayList<>();
    for (Detector detector : detectors) {
      Matcher matcher = detector.pattern().matcher(text);
      while (matcher.find()) {
        if (matcher.start(detector.group()) >= 0
            && matcher.end(detector.group()) > matcher.start(detector.group())) {
          spans.add(
              new Span(
                  matcher.start(detector.group()), matcher.end(detector.group()), detector.kind()));
        }
      }
    }
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      if (highEntropy(token.group())) {
        spans.add(new Span(token.start(), token.end(), SecretKind.HIGH_ENTROPY));
      }
    }
    // secrets before high-entropy strings before personal data, then earliest and longest; a
    // span that overlaps one already chosen is dropped
    spans.sort(
        Comparator.comparingInt((Span span) -> rank(span.kind()))
            .thenComparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed()));
    TreeMap<Integer, Span> chosen = new TreeMap<>();
    for (Span span : spans) {
      Map.Entry<Integer, Span> before = chosen.floorEntry(span.start());
      Map.Entry<Integer, Span> after = chosen.ceilingEntry(span.start());
      boolean overlaps =
          (before != null && before.getValue().end() > span.start())
              || (after != null && after.getKey() < span.end());
      if (!overlaps) {
        chosen.put(span.start(), span);
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    Map<SecretKind, Integer> counts = new EnumMap<>(SecretKind.class);
    Map<String, String> originals = new HashMap<>();
    int at = 0;
    for (Span span : chosen.values()) {
      String value = text.substring(span.start(), span.end());
      String pseudonym = "<" + span.kind().id() + "-" + digest(span.kind(), value) + ">";
      out.append(text, at, span.start()).append(pseudonym);
      originals.put(pseudonym, value);
      counts.merge(span.kind(), 1, Integer::sum);
      at = span.end();
    }
    out.append(text, at, text.length());
    return new Redacted(out.toString(), new Receipt(counts), originals);
  }

  private static int rank(SecretKind kind) {
    return switch (kind) {
      case HIGH_ENTROPY -> 1;
      case EMAIL, IPV4, IPV6, HOSTNAME -> 2;
      default -> 0;
    };
  }

  private String digest(SecretKind kind, String value) {
    byte[] hash = mac.doFinal((kind.id() + ":" + value).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 4);
  }

  /**
   * True for a token that looks random: upper case, lower case and digits all present (so hex
   * digests, ids and words are not), the character class changing between at least 40 % of
   * neighbours (words and camelCase change far less), no more than two slashes (paths have more),
   * and over 4.5 bits of entropy per character.
   */
  static boolean highEntropy(String token) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int slashes = 0;
    int switches = 0;
    int[] counts = new int[128];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
      slashes += c == '/' ? 1 : 0;
      if (i > 0 && kind(c) != kind(token.charAt(i - 1))) {
        switches++;
      }
      counts[c & 127]++;
    }
    if (!(upper && lower && digit) || slashes > 2 || switches < 0.4 * token.length()) {
      return false;
    }
    double entropy = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / token.length();
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    return entropy > 4.5;
  }

  private static int kind(char c) {
    return c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 3;
  }
}
