package dev.sremcp.domain.tree;

import java.util.List;

/** A list (a YAML sequence, a JSON array, repeated Terraform blocks). */
public final class ListNode implements Node {

  private final List<Node> items;
  private final int line;
  private final int column;
  private final long size;

  public ListNode(List<Node> items, int line, int column) {
    this.items = List.copyOf(items);
    this.line = line;
    this.column = column;
    long total = 1;
    for (Node item : this.items) {
      total += item.size();
    }
    this.size = total;
  }

  public List<Node> items() {
    return items;
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
    return items.toString();
  }
}
