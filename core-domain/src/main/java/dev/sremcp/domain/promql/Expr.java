package dev.sremcp.domain.promql;

/**
 * A node of a parsed PromQL expression. Every node knows where it starts in the expression text and
 * which type of value it evaluates to.
 */
public sealed interface Expr
    permits NumberLiteral,
        StringLiteral,
        VectorSelector,
        MatrixSelector,
        Subquery,
        Call,
        Aggregate,
        Binary,
        Unary,
        Paren {

  /** The 0-based character offset in the expression where this node starts. */
  int position();

  /** The type of value this node evaluates to. */
  ValueType type();
}
