package dev.sremcp.domain.promql;

/** The four types of value a PromQL expression can evaluate to. */
public enum ValueType {
  SCALAR("scalar", "scalar"),
  STRING("string", "string"),
  VECTOR("instant vector", "vector"),
  MATRIX("range vector", "matrix");

  private final String documentedName;
  private final String shortName;

  ValueType(String documentedName, String shortName) {
    this.documentedName = documentedName;
    this.shortName = shortName;
  }

  /** The name the Prometheus documentation uses, e.g. {@code instant vector}. */
  public String documentedName() {
    return documentedName;
  }

  /** The short name Prometheus uses internally, e.g. {@code matrix}. */
  String shortName() {
    return shortName;
  }
}
