package dev.sremcp.domain.text;

/**
 * Text that takes whole lines while they fit in a number of characters; after the first line that
 * does not fit, it takes no more.
 */
public final class LineBudget {

  private final StringBuilder text = new StringBuilder();
  private final int limit;
  private boolean full;

  public LineBudget(int limit) {
    this.limit = limit;
  }

  /** Adds {@code line} and a line break if they fit; returns whether they did. */
  public boolean line(String line) {
    if (full || text.length() + line.length() + 1 > limit) {
      full = true;
      return false;
    }
    text.append(line).append('\n');
    return true;
  }

  public String text() {
    return text.toString();
  }
}
