package dev.sremcp.domain.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A map with its entries in source order. A key written twice keeps both entries (a review may
 * report it); {@link #get} answers with the last, as most readers of the format do.
 */
public final class MapNode implements Node {

  /** One key and its value. */
  public record Entry(ScalarNode key, Node value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  private final List<Entry> entries;
  private final int line;
  private final int column;
  private final long size;

  public MapNode(List<Entry> entries, int line, int column) {
    this.entries = List.copyOf(entries);
    this.line = line;
    this.column = column;
    long total = 1;
    for (Entry entry : this.entries) {
      total += 1 + entry.value().size();
    }
    this.size = total;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The value of the last entry with this key. */
  public Optional<Node> get(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().value().equals(key)) {
        return Optional.of(entries.get(i).value());
      }
    }
    return Optional.empty();
  }

  /** The entry with this key, for its key's line. */
  public Optional<Entry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().value().equals(key)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public int column() {
    return column;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
