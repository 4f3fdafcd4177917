package dev.sremcp.domain.hcl;

/** One entry of a body, an attribute or a block, with the lines it spans. */
public sealed interface HclItem permits HclAttribute, HclBlock {

  /** The 1-based line where the item starts. */
  int line();

  /** The 1-based line where the item ends. */
  int endLine();
}
