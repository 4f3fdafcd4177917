package dev.sremcp.domain.report;

/**
 * How much of what was found is in the result.
 *
 * @param returned findings in this result
 * @param limit the most findings a result carries
 * @param truncated whether findings were left out
 * @param totalScanned units of input examined (lines, documents, data points)
 * @param nextCursor where the next page starts, or {@code null} when there is none
 */
public record Truncation(
    int returned, int limit, boolean truncated, long totalScanned, String nextCursor) {

  public Truncation {
    if (returned < 0 || limit < 0 || totalScanned < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (returned > limit) {
      throw new IllegalArgumentException("returned " + returned + " exceeds the limit " + limit);
    }
  }

  /** A complete result: everything found fits under the limit. */
  public static Truncation complete(int returned, int limit, long totalScanned) {
    return new Truncation(returned, limit, false, totalScanned, null);
  }
}
