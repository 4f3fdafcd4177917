package dev.sremcp.domain.hcl;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expression as written, never evaluated: literals, templates, collections, references, calls
 * and operators. Every node knows its lines and its exact source text.
 */
public sealed interface HclExpr {

  /** Where the expression sits in the source. */
  HclSpan span();

  /** The 1-based line where the expression starts. */
  default int line() {
    return span().line();
  }

  /** The 1-based line where the expression ends. */
  default int endLine() {
    return span().endLine();
  }

  /** The exact source text of the expression, for evidence excerpts. */
  default String source() {
    return span().source();
  }

  /** The string, for a string literal or a template with no interpolation or directive. */
  default Optional<String> asString() {
    return switch (this) {
      case Literal literal when literal.value() instanceof String value -> Optional.of(value);
      case Template template -> template.literalText();
      default -> Optional.empty();
    };
  }

  /** The value of {@code true} or {@code false}. */
  default Optional<Boolean> asBoolean() {
    return this instanceof Literal literal && literal.value() instanceof Boolean value
        ? Optional.of(value)
        : Optional.empty();
  }

  /** The value of a number literal, negative ones included. */
  default Optional<BigDecimal> asNumber() {
    return this instanceof Literal literal && literal.value() instanceof BigDecimal value
        ? Optional.of(value)
        : Optional.empty();
  }

  /**
   * Whether the value is known without evaluation: literals, templates with no interpolation or
   * directive, and tuples, objects and parentheses made only of such values.
   */
  default boolean isKnown() {
    return switch (this) {
      case Literal literal -> true;
      case Template template -> template.literalText().isPresent();
      case Tuple tuple -> tuple.elements().stream().allMatch(HclExpr::isKnown);
      case ObjectCons object ->
          object.items().stream().allMatch(i -> i.key().isKnown() && i.value().isKnown());
      case Parens parens -> parens.expr().isKnown();
      default -> false;
    };
  }

  /** The expressions directly inside this one, in source order. */
  default List<HclExpr> children() {
    List<HclExpr> children = new ArrayList<>();
    switch (this) {
      case Literal literal -> {}
      case Template template -> Children.ofParts(template.parts(), children);
      case Tuple tuple -> children.addAll(tuple.elements());
      case ObjectCons object -> {
        for (ObjectCons.Item item : object.items()) {
          children.add(item.key());
          children.add(item.value());
        }
      }
      case ScopeTraversal traversal -> Children.ofSteps(traversal.steps(), children);
      case FunctionCall call -> children.addAll(call.args());
      case Conditional conditional -> {
        children.add(conditional.condition());
        children.add(conditional.ifTrue());
        children.add(conditional.ifFalse());
      }
      case Binary binary -> {
        children.add(binary.lhs());
        children.add(binary.rhs());
      }
      case Unary unary -> children.add(unary.operand());
      case ForExpr forExpr -> {
        children.add(forExpr.collection());
        if (forExpr.keyExpr() != null) {
          children.add(forExpr.keyExpr());
        }
        children.add(forExpr.valueExpr());
        if (forExpr.condition() != null) {
          children.add(forExpr.condition());
        }
      }
      case Splat splat -> {
        children.add(splat.collection());
        Children.ofSteps(splat.steps(), children);
      }
      case Index index -> {
        children.add(index.collection());
        children.add(index.key());
      }
      case GetAttr getAttr -> children.add(getAttr.object());
      case Parens parens -> children.add(parens.expr());
    }
    return List.copyOf(children);
  }

  /**
   * Every variable reference in this expression and inside it, in source order, such as {@code
   * var.region} or {@code aws_s3_bucket.logs.id}. The variables a for expression declares are
   * listed too where they are used.
   */
  default List<ScopeTraversal> references() {
    List<ScopeTraversal> found = new ArrayList<>();
    Deque<HclExpr> pending = new ArrayDeque<>();
    pending.push(this);
    while (!pending.isEmpty()) {
      HclExpr next = pending.pop();
      if (next instanceof ScopeTraversal traversal) {
        found.add(traversal);
      }
      List<HclExpr> children = next.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return List.copyOf(found);
  }

  /** A number, {@code true}, {@code false}, {@code null}, or an object's bare-word key. */
  record Literal(Object value, HclSpan span) implements HclExpr {
    public Literal {
      if (value != null
          && !(value instanceof String
              || value instanceof BigDecimal
              || value instanceof Boolean)) {
        throw new IllegalArgumentException("not a literal value: " + value.getClass());
      }
      Objects.requireNonNull(span, "span");
    }
  }

  /** A quoted string or a heredoc: literal text, interpolations and directives. */
  record Template(List<HclTemplatePart> parts, HclSpan span) implements HclExpr {
    public Template {
      parts = List.copyOf(parts);
      Objects.requireNonNull(span, "span");
    }

    /** The text, when the template holds nothing but literal text. */
    public Optional<String> literalText() {
      StringBuilder text = new StringBuilder();
      for (HclTemplatePart part : parts) {
        if (!(part instanceof HclTemplatePart.Text literal)) {
          return Optional.empty();
        }
        text.append(literal.value());
      }
      return Optional.of(text.toString());
    }
  }

  /** {@code [a, b, c]}. */
  record Tuple(List<HclExpr> elements, HclSpan span) implements HclExpr {
    public Tuple {
      elements = List.copyOf(elements);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code { key = value, ... }}; a bare-word key is a string {@link Literal}. */
  record ObjectCons(List<Item> items, HclSpan span) implements HclExpr {
    public ObjectCons {
      items = List.copyOf(items);
      Objects.requireNonNull(span, "span");
    }

    /** The value of the first item whose key is this string. */
    public Optional<HclExpr> get(String key) {
      for (Item item : items) {
        if (item.key().asString().filter(key::equals).isPresent()) {
          return Optional.of(item.value());
        }
      }
      return Optional.empty();
    }

    /** One {@code key = value} or {@code key: value} pair. */
    public record Item(HclExpr key, HclExpr value) {
      public Item {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
      }
    }
  }

  /**
   * A variable and the attributes and indexes read from it, such as {@code var.region}, {@code
   * local.tags["a"]} or {@code aws_instance.web[count.index].id}.
   */
  record ScopeTraversal(String root, List<HclStep> steps, HclSpan span) implements HclExpr {
    public ScopeTraversal {
      Objects.requireNonNull(root, "root");
      steps = List.copyOf(steps);
      Objects.requireNonNull(span, "span");
    }

    /** The traversal in canonical form: {@code root.attr[key]}, keys as written. */
    public String path() {
      StringBuilder path = new StringBuilder(root);
      for (HclStep step : steps) {
        switch (step) {
          case HclStep.Attr attr -> path.append('.').append(attr.name());
          case HclStep.Index index -> path.append('[').append(index.key().source()).append(']');
        }
      }
      return path.toString();
    }
  }

  /**
   * {@code name(args)}; expandFinal is true when the last argument ends with {@code ...}. Provider
   * functions keep their full name, {@code provider::aws::arn_parse}.
   */
  record FunctionCall(String name, List<HclExpr> args, boolean expandFinal, HclSpan span)
      implements HclExpr {
    public FunctionCall {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code condition ? ifTrue : ifFalse}. */
  record Conditional(HclExpr condition, HclExpr ifTrue, HclExpr ifFalse, HclSpan span)
      implements HclExpr {
    public Conditional {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(ifTrue, "ifTrue");
      Objects.requireNonNull(ifFalse, "ifFalse");
      Objects.requireNonNull(span, "span");
    }
  }

  /** A binary operation; op is one of {@code || && == != < > <= >= + - * / %}. */
  record Binary(String op, HclExpr lhs, HclExpr rhs, HclSpan span) implements HclExpr {
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(lhs, "lhs");
      Objects.requireNonNull(rhs, "rhs");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code -operand} or {@code !operand}; a minus before a number is a negative literal instead.
   */
  record Unary(String op, HclExpr operand, HclSpan span) implements HclExpr {
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if
   * cond}}. keyVar, keyExpr (tuple form) and condition are null when absent; grouping is the {@code
   * ...} after an object's value.
   */
  record ForExpr(
      String keyVar,
      String valueVar,
      HclExpr collection,
      HclExpr keyExpr,
      HclExpr valueExpr,
      boolean grouping,
      HclExpr condition,
      HclSpan span)
      implements HclExpr {
    public ForExpr {
      Objects.requireNonNull(valueVar, "valueVar");
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(valueExpr, "valueExpr");
      Objects.requireNonNull(span, "span");
    }

    /** Whether this is the object form, in braces, which produces an object. */
    public boolean isObject() {
      return keyExpr != null;
    }
  }

  /**
   * {@code collection.*.attr} (full is false: attributes only) or {@code collection[*].attr[0]}
   * (full is true), with the steps applied to each element.
   */
  record Splat(HclExpr collection, boolean full, List<HclStep> steps, HclSpan span)
      implements HclExpr {
    public Splat {
      Objects.requireNonNull(collection, "collection");
      steps = List.copyOf(steps);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code collection[key]} on an expression that is not a plain variable reference. */
  record Index(HclExpr collection, HclExpr key, HclSpan span) implements HclExpr {
    public Index {
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code object.name} on an expression that is not a plain variable reference. */
  record GetAttr(HclExpr object, String name, HclSpan span) implements HclExpr {
    public GetAttr {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code (expr)}. */
  record Parens(HclExpr expr, HclSpan span) implements HclExpr {
    public Parens {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(span, "span");
    }
  }
}
