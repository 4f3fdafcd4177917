package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A change to production: a deploy, a configuration change or a feature flag.
 *
 * @param service the service changed, or {@code null} when not given
 * @param index its position in {@code changes}, for evidence
 */
record Change(Instant at, String service, String description, Kind kind, String index) {

  Change {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
  }

  /** What sort of change, given or read from the description. */
  enum Kind {
    DEPLOY(Cause.BAD_DEPLOY),
    CONFIG(Cause.CONFIG_CHANGE),
    FLAG(Cause.FEATURE_FLAG);

    final Cause cause;

    Kind(Cause cause) {
      this.cause = cause;
    }

    private static final Pattern FLAG_WORDS =
        Pattern.compile(
            "(?i)\\b(feature[- ]?flags?|flags?|toggles?|launchdarkly|unleash|flagsmith|split\\.io|"
                + "rollout percentage|experiment)\\b");

    /** A version bump or an image: what a release changes. */
    private static final Pattern RELEASE =
        Pattern.compile(
            "(?i)v?\\d+\\.\\d+(\\.\\d+)?\\S*\\s*(->|→|=>|to)\\s*v?\\d+\\.\\d+|\\bimage\\b|"
                + "\\b(deploy(ed|ment|ing)?|releas(e|ed|ing)|roll(ed)?[- ]?out|rolling update|"
                + "upgrade[ds]?|canary|promot(e|ed|ion)|hotfix)\\b|:\\d+\\.\\d+\\.\\d+\\b");

    private static final Pattern CONFIG_WORDS =
        Pattern.compile(
            "(?i)\\b(config(uration|map)?s?|settings?|parameters?|terraform|env(ironment)?"
                + " var(iable)?s?|[A-Z][A-Z0-9]*_[A-Z0-9_]+|timeouts?|limits?|max_?\\w*|dns|records?|"
                + "firewall|security group|routes?|routing|weights?|virtualservice|destinationrule|"
                + "ingress|policy|policies|secrets?|rotat(e|ed|ion)|values)\\b");

    /** The kind the caller named, else the kind its description reads as. */
    static Kind of(String given, String description) {
      if (given != null && !given.isBlank()) {
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
          case "deploy", "deployment", "release" -> DEPLOY;
          case "flag", "feature-flag", "feature_flag", "featureflag" -> FLAG;
          default -> CONFIG;
        };
      }
      if (FLAG_WORDS.matcher(description).find()) {
        return FLAG;
      }
      if (RELEASE.matcher(description).find()) {
        return DEPLOY;
      }
      return CONFIG; // a sync, an apply or a commit without a version: configuration
    }
  }
}
