/**
 * Configuration parsed into a tree of maps, lists and scalars that keeps the line of every node:
 * YAML (and JSON, a subset of it) read by a parser bounded against hostile input, and the shape the
 * reviews walk whatever format the user sent.
 */
package dev.sremcp.domain.tree;
