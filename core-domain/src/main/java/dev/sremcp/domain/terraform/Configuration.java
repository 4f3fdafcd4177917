package dev.sremcp.domain.terraform;

import java.util.List;
import java.util.stream.Stream;

/** Every block of the files one review reads, so checks can relate a resource to another. */
record Configuration(List<Block> blocks) {

  Configuration {
    blocks = List.copyOf(blocks);
  }

  /** The resources of a type. */
  Stream<Block> resources(String type) {
    return blocks.stream()
        .filter(block -> block.kind().equals("resource") && block.type().equals(type));
  }

  /** The data sources of a type. */
  Stream<Block> data(String type) {
    return blocks.stream()
        .filter(block -> block.kind().equals("data") && block.type().equals(type));
  }

  /** The blocks of a kind. */
  Stream<Block> kind(String kind) {
    return blocks.stream().filter(block -> block.kind().equals(kind));
  }

  /** The resources of {@code type} whose {@code path} refers to {@code target}. */
  Stream<Block> referring(String type, String path, Block target, String nameAttribute) {
    return resources(type).filter(block -> block.refersTo(path, target, nameAttribute));
  }
}
