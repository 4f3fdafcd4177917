package dev.sremcp.domain.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words by which errors and alerts name a mechanism: an expired certificate, a failed lookup, a
 * resource run out, a dependency that does not answer. Checked most specific first, so a failed DNS
 * lookup inside a "dial tcp" error counts as DNS, not as a generic dependency failure.
 */
final class Signatures {

  private Signatures() {}

  private static final Map<Cause, Pattern> IN_ERRORS = new LinkedHashMap<>();
  private static final Map<Cause, Pattern> IN_ALERTS = new LinkedHashMap<>();
  private static final Map<Cause, Pattern> IN_CHANGES = new LinkedHashMap<>();

  static {
    IN_ERRORS.put(
        Cause.CERTIFICATE_EXPIRY,
        Pattern.compile(
            "(?i)x509|certificate (has )?expired|certificate.{0,60}(expired|not yet valid|verify"
                + " failed)|CERT_HAS_EXPIRED|PKIX path|SSLHandshakeException|certificate_expired|"
                + "tls: .{0,40}certificate|ssl.{0,40}(expired|handshake fail)"));
    IN_ERRORS.put(
        Cause.DNS_FAILURE,
        Pattern.compile(
            "(?i)no such host|NXDOMAIN|SERVFAIL|name resolution|UnknownHostException|could not"
                + " resolve|couldn't resolve|getaddrinfo|EAI_AGAIN|lookup \\S+ on \\S+:53|dns"
                + " (lookup|resolution|query|resolver).{0,40}(fail|timeout|timed out|error)|Name or"
                + " service not known|unknown host"));
    IN_ERRORS.put(
        Cause.RESOURCE_SATURATION,
        Pattern.compile(
            "(?i)OutOfMemoryError|OOMKilled|out of memory|Killed process|oom[-_ ]kill|No space left"
                + " on device|disk (is )?full|too many open files|Connection is not available|pool"
                + " (is )?exhausted|Too many connections|RejectedExecutionException|thread pool.{0,30}"
                + "(full|exhausted)|queue (is )?full|remaining connection slots|cannot allocate"
                + " memory|GC overhead limit|heap space|ENOSPC|EMFILE|max_connections|cpu throttl|"
                + "throttled for|too many clients|no more connections allowed|max_client_conn|connection limit"
                + " (exceeded|reached)"));
    IN_ERRORS.put(
        Cause.NOISY_NEIGHBOUR,
        Pattern.compile("(?i)cpu steal|steal time|noisy neighbou?r|iowait|I/O wait"));
    IN_ERRORS.put(
        Cause.DEPENDENCY_OUTAGE,
        Pattern.compile(
            "(?i)connection refused|ECONNREFUSED|upstream connect error|no healthy upstream|503"
                + " Service Unavailable|Bad Gateway|Gateway Time-?out|circuit ?breaker.{0,20}open|"
                + "deadline exceeded|timed? ?out (after|while|calling|waiting|connecting|reading)|"
                + "(read|connect|socket|request) timed? ?out|connection reset|ECONNRESET|service"
                + " unavailable|code ?= ?Unavailable|UNAVAILABLE:|unreachable|host is down|broken pipe|\\b50[234]\\b.{0,40}(from|"
                + "upstream|calling|gateway|returned)|returned (status )?50[234]|StatusCode: ?50\\d|"
                + "Exception:? status[=:] ?50\\d|\\(?(InternalError|ServiceUnavailable|SlowDown|"
                + "InternalServerError)\\)? when calling|api error (InternalError|ServiceUnavailable)|"
                + "retries exhausted|reached max retries|max retries exceeded|giving up after \\d+|"
                + "ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|MaxRetriesPerRequest|READONLY You can't write|"
                + "socket hang up|connection (was )?(lost|dropped|closed by (peer|remote))|lost"
                + " connection|server closed the connection|(could not|unable to|can't|cannot|"
                + "failed to) connect|connect(ion)? (failed|error)|is loading the dataset|"
                + "the database system is (starting up|shutting down|in recovery)|HttpClient\\.Timeout|"
                + "circuit (is )?(now )?open|BrokenCircuitException|\\b(Stripe|Twilio|SendGrid|Adyen|"
                + "Braintree|PayPal|Plaid|Mailgun|Auth0|Okta)[.:]+(\\w*(APIConnection|"
                + "ServiceUnavailable|Timeout|Server)\\w*(Exception|Error)|\\w*(Exception|Error)\\b"
                + ":? (An unknown error occurred|.{0,40}(timed? ?out|unavailable|try again later)))"));
    IN_ERRORS.put(
        Cause.TRAFFIC_SURGE,
        Pattern.compile(
            "(?i)429 Too Many|too many requests|load shedding|shedding load|rate limit(ed| exceeded|"
                + " reached)|throttled"));

    IN_ALERTS.put(Cause.CERTIFICATE_EXPIRY, Pattern.compile("(?i)cert|ssl|tls|x509"));
    IN_ALERTS.put(
        Cause.DNS_FAILURE, Pattern.compile("(?i)\\bdns|resolv|coredns|nxdomain|servfail"));
    IN_ALERTS.put(
        Cause.RESOURCE_SATURATION,
        Pattern.compile(
            "(?i)cpu|memory|\\boom|disk|space|saturat|pool|connections|capacity|heap|"
                + "file ?descriptors|inode|filesystem|full\\b|filling ?up|persistent ?volume|pvc"));
    IN_ALERTS.put(Cause.NOISY_NEIGHBOUR, Pattern.compile("(?i)steal|neighbou?r"));
    IN_ALERTS.put(
        Cause.TRAFFIC_SURGE,
        Pattern.compile("(?i)traffic|request rate|surge|spike in requests|\\brps\\b|\\bqps\\b"));
    IN_ALERTS.put(
        Cause.DEPENDENCY_OUTAGE,
        Pattern.compile(
            "(?i)upstream|dependency|downstream|unreachable|probe ?failed|endpoint down|blackbox|"
                + "third[- ]party|provider|\\b(target|instance|host|node|"
                + "endpoint|backend|upstream|service|job)s? ?down\\b|\\b(is|are|went) down\\b|"
                + "unavailable|unhealthy|not responding|aws health|operational issue|status ?page|"
                + "degraded performance|partial outage|major outage|service disruption"));

    IN_CHANGES.put(
        Cause.DNS_FAILURE,
        Pattern.compile("(?i)\\bdns|resolver|route ?53|\\brecords?\\b|cname|/etc/hosts|coredns"));
    IN_CHANGES.put(
        Cause.CERTIFICATE_EXPIRY,
        Pattern.compile("(?i)cert|\\btls\\b|\\bssl\\b|acme|letsencrypt|x509"));
    IN_CHANGES.put(
        Cause.RESOURCE_SATURATION,
        Pattern.compile(
            "(?i)pool|connections|max_?conn|memory|heap|\\blimits?\\b|resources\\b(?!:)|replicas|threads|"
                + "workers|\\bcpu\\b|xmx|size|capacity|quota"));
    IN_CHANGES.put(
        Cause.DEPENDENCY_OUTAGE,
        Pattern.compile(
            "(?i)timeout|endpoint|\\burl\\b|upstream|retr(y|ies)|circuit|base_?url|security"
                + " group|firewall|network ?polic|\\bacl\\b|egress|ingress rule|\\bport\\b|"
                + "allow ?list|whitelist|\\bcidr\\b|peering|route table|nacl|\\bproxy\\b"));
    IN_CHANGES.put(Cause.TRAFFIC_SURGE, Pattern.compile("(?i)rate.?limit|throttl|autoscal|hpa"));
  }

  /**
   * A pool that times out with no connection open at all ({@code total=0, active=0, idle=0}) is not
   * exhausted: its connections cannot be made, so what it connects to is out.
   */
  private static final Pattern EMPTY_POOL =
      Pattern.compile("(?i)\\b(total|active)[=:] ?0\\b.{0,40}\\bidle[=:] ?0\\b");

  /** A probe of the workload itself: when it times out, the workload is slow, not its peers. */
  private static final Pattern OWN_PROBE =
      Pattern.compile(
          "(?i)(readiness|liveness|startup) probe (failed|errored)|probe failed\"?.{0,40}"
              + "probeType=\"?(readiness|liveness|startup)");

  /** The mechanism an error names, most specific first. */
  static Optional<Cause> inError(String text) {
    if (EMPTY_POOL.matcher(text).find()) {
      return Optional.of(Cause.DEPENDENCY_OUTAGE);
    }
    if (OWN_PROBE.matcher(text).find()) {
      return first(IN_ERRORS, text).filter(cause -> cause != Cause.DEPENDENCY_OUTAGE);
    }
    return first(IN_ERRORS, text);
  }

  /** The mechanism an alert's name or summary points at. */
  static Optional<Cause> inAlert(String text) {
    return first(IN_ERRORS, text).or(() -> first(IN_ALERTS, text));
  }

  /** Whether a change's description touches what a mechanism depends on. */
  static boolean changeTouches(Cause mechanism, String description) {
    Pattern words = IN_CHANGES.get(mechanism);
    return words != null && words.matcher(description).find();
  }

  private static Optional<Cause> first(Map<Cause, Pattern> patterns, String text) {
    for (Map.Entry<Cause, Pattern> entry : patterns.entrySet()) {
      if (entry.getValue().matcher(text).find()) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  private static final Pattern PEER =
      Pattern.compile(
          "(?i)(?:dial tcp|connect(?:ing)? to|calling|upstream|to|from|host|lookup|resolve)"
              + "[\\s:=\"']+((?:[a-z0-9-]+\\.)*[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*(?::\\d{2,5})?)");

  private static final Pattern URL_HOST =
      Pattern.compile(
          "(?i)\\b(?:https?|grpcs?|postgres(?:ql)?|mysql|redis|amqp)://(?:[^@/\\s\"]+@)?([a-z0-9][a-z0-9.-]*[a-z0-9])");

  private static final Pattern NOT_A_PEER =
      Pattern.compile(
          "(?i)the|an?|server|host|upstream|connect(ing)?|localhost|tcp|udp|https?|lookup|dial|"
              + "resolve|calling|to|from|request|backend|service|database|db");

  /** The host or service an error names as its peer, e.g. {@code payments.internal:443}. */
  static Optional<String> peer(String text) {
    Matcher url = URL_HOST.matcher(text);
    if (url.find()) {
      return Optional.of(url.group(1));
    }
    Matcher matcher = PEER.matcher(text);
    int from = 0;
    while (from < text.length() && matcher.find(from)) {
      String peer = matcher.group(1);
      if (peer.length() > 2 && !NOT_A_PEER.matcher(peer).matches()) {
        return Optional.of(peer);
      }
      from =
          matcher.start(1); // the rejected word may itself introduce the peer: "dial tcp: lookup x"
    }
    return Optional.empty();
  }
}
