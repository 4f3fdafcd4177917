package dev.sremcp.domain.hcl;

import java.util.List;
import java.util.Objects;

/**
 * One part of a string template: literal text, an interpolation {@code ${...}}, or an {@code %{if}}
 * or {@code %{for}} directive holding the parts it wraps.
 */
public sealed interface HclTemplatePart {

  /** Literal text, with escapes decoded and strip markers applied. */
  record Text(String value) implements HclTemplatePart {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code ${expr}}. */
  record Interpolation(HclExpr expr) implements HclTemplatePart {
    public Interpolation {
      Objects.requireNonNull(expr, "expr");
    }
  }

  /** {@code %{if condition}body%{else}elseBody%{endif}}; elseBody is empty without an else. */
  record If(
      HclExpr condition, List<HclTemplatePart> body, List<HclTemplatePart> elseBody, HclSpan span)
      implements HclTemplatePart {
    public If {
      Objects.requireNonNull(condition, "condition");
      body = List.copyOf(body);
      elseBody = List.copyOf(elseBody);
    }
  }

  /** {@code %{for keyVar, valueVar in collection}body%{endfor}}; keyVar is null when absent. */
  record For(
      String keyVar, String valueVar, HclExpr collection, List<HclTemplatePart> body, HclSpan span)
      implements HclTemplatePart {
    public For {
      Objects.requireNonNull(valueVar, "valueVar");
      Objects.requireNonNull(collection, "collection");
      body = List.copyOf(body);
    }
  }
}
