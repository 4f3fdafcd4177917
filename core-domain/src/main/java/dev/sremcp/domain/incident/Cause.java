package dev.sremcp.domain.incident;

/** The causes {@code analyze_incident} can support with evidence, by stable id. */
public enum Cause {
  BAD_DEPLOY("bad-deploy", "A deploy"),
  CONFIG_CHANGE("config-change", "A configuration change"),
  FEATURE_FLAG("feature-flag", "A feature flag"),
  DEPENDENCY_OUTAGE("dependency-outage", "A dependency"),
  RESOURCE_SATURATION("resource-saturation", "Resource saturation"),
  CERTIFICATE_EXPIRY("certificate-expiry", "An expired certificate"),
  DNS_FAILURE("dns-failure", "DNS resolution failing"),
  NOISY_NEIGHBOUR("noisy-neighbour", "A noisy neighbour"),
  TRAFFIC_SURGE("traffic-surge", "A traffic surge");

  private final String id;
  private final String noun;

  Cause(String id, String noun) {
    this.id = id;
    this.noun = noun;
  }

  public String id() {
    return id;
  }

  String noun() {
    return noun;
  }

  /** The cause of an id, e.g. {@code dns-failure}. */
  public static Cause fromId(String id) {
    for (Cause cause : values()) {
      if (cause.id.equals(id)) {
        return cause;
      }
    }
    throw new IllegalArgumentException("no cause '" + id + "'");
  }

  @Override
  public String toString() {
    return id;
  }
}
