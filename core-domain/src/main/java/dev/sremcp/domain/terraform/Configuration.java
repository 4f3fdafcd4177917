package dev.sremcp.domain.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every block of the files one review reads, so checks can relate a resource to another; indexed by
 * type, and by what an attribute refers to, so relating them stays linear in the blocks.
 */
final class Configuration {

  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_-]+");

  private final List<Block> blocks;
  private final Map<String, List<Block>> byKindAndType = new HashMap<>();
  private final Map<String, Map<String, List<Block>>> references = new HashMap<>();

  Configuration(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
    for (Block block : this.blocks) {
      byKindAndType
          .computeIfAbsent(block.kind() + '\0' + block.type(), key -> new ArrayList<>())
          .add(block);
    }
  }

  List<Block> blocks() {
    return blocks;
  }

  /** The resources of a type. */
  Stream<Block> resources(String type) {
    return byKindAndType.getOrDefault("resource\0" + type, List.of()).stream();
  }

  /** The data sources of a type. */
  Stream<Block> data(String type) {
    return byKindAndType.getOrDefault("data\0" + type, List.of()).stream();
  }

  /** The blocks of a kind. */
  Stream<Block> kind(String kind) {
    return blocks.stream().filter(block -> block.kind().equals(kind));
  }

  /** The resources of {@code type} whose {@code path} refers to {@code target}. */
  Stream<Block> referring(String type, String path, Block target, String nameAttribute) {
    Map<String, List<Block>> index =
        references.computeIfAbsent(type + '\0' + path, key -> index(type, path));
    Set<Block> candidates = new LinkedHashSet<>();
    candidates.addAll(index.getOrDefault(target.type() + "." + target.name(), List.of()));
    candidates.addAll(index.getOrDefault(target.name(), List.of()));
    target
        .text(nameAttribute)
        .ifPresent(name -> candidates.addAll(index.getOrDefault(name, List.of())));
    return candidates.stream().filter(block -> block.refersTo(path, target, nameAttribute));
  }

  /** The resources of a type by each address or literal their {@code path} names. */
  private Map<String, List<Block>> index(String type, String path) {
    Map<String, List<Block>> index = new HashMap<>();
    resources(type)
        .forEach(
            block ->
                block
                    .reference(path)
                    .ifPresent(
                        value -> {
                          if (value.isExpression()) {
                            Matcher address = ADDRESS.matcher(value.value());
                            while (address.find()) {
                              index
                                  .computeIfAbsent(address.group(), k -> new ArrayList<>())
                                  .add(block);
                            }
                          } else {
                            index.computeIfAbsent(value.value(), k -> new ArrayList<>()).add(block);
                          }
                        }));
    return index;
  }
}
