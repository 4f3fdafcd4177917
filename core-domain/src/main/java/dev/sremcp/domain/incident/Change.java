package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A change to production: a deploy, a configuration change, a feature flag, or a campaign that
 * sends demand.
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
    FLAG(Cause.FEATURE_FLAG),
    /** A campaign, a sale or a launch: demand sent to the services, not a change of them. */
    CAMPAIGN(Cause.TRAFFIC_SURGE);

    final Cause cause;

    Kind(Cause cause) {
      this.cause = cause;
    }

    String noun() {
      return this == CAMPAIGN ? "A campaign" : cause.noun();
    }

    private static final Pattern CAMPAIGN_WORDS =
        Pattern.compile(
            "(?i)\\b(campaign|newsletter|push notifications?|mass (e-?mail|push|sms)|e-?mail blast|"
                + "recipients|flash sale|black friday|cyber monday|(sale|drop|launch|tickets?|"
                + "pre-?orders?) (goes |went |is )?(live|on sale|open(ed)?)|broadcast|mailing)\\b");

    /** Flag services by name, what they call their flags, and a share of users switched. */
    private static final Pattern FLAG_WORDS =
        Pattern.compile(
            "(?i)\\b(feature[- ]?flags?|flags?|toggles?|launch ?darkly|unleash|flagsmith|split\\.io|"
                + "configcat|statsig|growthbook|optimizely|flipt|devcycle|posthog|flagd|openfeature|"
                + "flipper|waffle|feature gates?|kill[- ]?switch|rollout percentage|experiment|"
                + "variations?|targeting|treatment (allocation|rules?))\\b|split.{0,40}\\btreatments?\\b|"
                + "\\bon \\d+ ?% ?/ ?off \\d+ ?%|\\d+ ?% of (all )?(users|customers|accounts|tenants|"
                + "merchants|members|orgs|organi[sz]ations|players|sessions|cohort)");

    /** A feature's switch turned on: {@code enableInstantPayouts changed from false to true}. */
    private static final Pattern SWITCHED_ON =
        Pattern.compile(
            "\\b(?i:enable|use|show|allow|new|beta|is)(?:[A-Z][A-Za-z0-9]*|_[a-z0-9_]+)\\b.{0,80}"
                + "(?i:false|off|disabled)\\s*(?:->|→|=>|to)\\s*(?i:true|on|enabled)\\b");

    /** A version bump or an image: what a release changes. */
    private static final Pattern RELEASE =
        Pattern.compile(
            "(?i)v?\\d+\\.\\d+(\\.\\d+)?\\S*\\s*(->|→|=>|to)\\s*v?\\d+\\.\\d+|\\bimage\\b|"
                + "\\b(deploy(ed|ment|ing)?|releas(e|ed|ing)|roll(ed)?[- ]?out|rolling update|"
                + "upgrade[ds]?|canary|promot(e|ed|ion)|hotfix)\\b|:\\d+\\.\\d+\\.\\d+\\b");

    /** An image with a version or digest: a release, whatever command made it. */
    private static final Pattern IMAGE =
        Pattern.compile("(?i)\\bimage\\b.{0,80}(:v?\\d+\\.\\d+|@sha256:)");

    /** A sync that configured a ConfigMap ({@code ConfigMap x configured}, {@code configmap/x}). */
    private static final Pattern CONFIG_SYNC =
        Pattern.compile("(?i)\\bconfigmap[/\\s]+\\S+\\s+configured");

    /**
     * A release's version: {@code 2.40.3 -> 2.41.0}, {@code synced to 2.41.0}, {@code version
     * 3.2.1}; three numbers, so that a setting moving from 0.5 to 1.5 is not one.
     */
    private static final Pattern VERSION =
        Pattern.compile(
            "(?i)v?\\d+\\.\\d+\\.\\d+\\S*\\s*(->|→|=>|to)\\s*v?\\d+\\.\\d+\\.\\d+|\\b(synced to|version)"
                + "\\s+v?\\d+\\.\\d+\\.\\d+\\b");

    /** kubectl commands that change a workload's settings, not its image. */
    private static final Pattern KUBECTL_CONFIG =
        Pattern.compile(
            "(?i)\\bkubectl(\\s+-{1,2}[\\w-]+(=\\S+|\\s+[^-\\s]\\S*)?)*\\s+(set (env|resources)|"
                + "scale|patch|edit|annotate|label|autoscale)\\b");

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
          case "campaign", "marketing", "event", "launch" -> CAMPAIGN;
          default -> CONFIG;
        };
      }
      if (FLAG_WORDS.matcher(description).find() || SWITCHED_ON.matcher(description).find()) {
        return FLAG;
      }
      if ((KUBECTL_CONFIG.matcher(description).find() || CONFIG_SYNC.matcher(description).find())
          && !IMAGE.matcher(description).find()
          && !VERSION.matcher(description).find()) {
        return CONFIG; // "kubectl set env deployment/x": a deployment's settings, not a release
      }
      if (RELEASE.matcher(description).find() || VERSION.matcher(description).find()) {
        return DEPLOY; // "deploy notifications 2.4 (fix push notifications)" is a deploy
      }
      if (CAMPAIGN_WORDS.matcher(description).find()) {
        return CAMPAIGN;
      }
      return CONFIG; // a sync, an apply or a commit without a version: configuration
    }
  }
}
