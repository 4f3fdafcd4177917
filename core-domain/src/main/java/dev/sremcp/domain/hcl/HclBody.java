package dev.sremcp.domain.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content of a file or of a block: its attributes and its blocks, each list in source order.
 * {@link #items()} interleaves the two as they appear in the source.
 */
public record HclBody(List<HclAttribute> attributes, List<HclBlock> blocks) {

  public HclBody {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attributes and blocks together, in source order. */
  public List<HclItem> items() {
    List<HclItem> items = new ArrayList<>(attributes.size() + blocks.size());
    int a = 0;
    int b = 0;
    while (a < attributes.size() || b < blocks.size()) {
      boolean takeAttribute =
          b == blocks.size()
              || (a < attributes.size() && attributes.get(a).line() < blocks.get(b).line());
      items.add(takeAttribute ? attributes.get(a++) : blocks.get(b++));
    }
    return List.copyOf(items);
  }

  /** The attribute with this name; a body defines each name at most once. */
  public Optional<HclAttribute> attribute(String name) {
    for (HclAttribute attribute : attributes) {
      if (attribute.name().equals(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** The blocks of this type, in source order. */
  public List<HclBlock> blocks(String type) {
    List<HclBlock> found = new ArrayList<>();
    for (HclBlock block : blocks) {
      if (block.type().equals(type)) {
        found.add(block);
      }
    }
    return List.copyOf(found);
  }
}
