package dev.sremcp.domain.hcl;

import java.util.List;

/** Collects the expressions held by template parts and traversal steps. */
final class Children {

  private Children() {}

  static void ofParts(List<HclTemplatePart> parts, List<HclExpr> into) {
    for (HclTemplatePart part : parts) {
      switch (part) {
        case HclTemplatePart.Text text -> {}
        case HclTemplatePart.Interpolation interpolation -> into.add(interpolation.expr());
        case HclTemplatePart.If ifPart -> {
          into.add(ifPart.condition());
          ofParts(ifPart.body(), into);
          ofParts(ifPart.elseBody(), into);
        }
        case HclTemplatePart.For forPart -> {
          into.add(forPart.collection());
          ofParts(forPart.body(), into);
        }
      }
    }
  }

  static void ofSteps(List<HclStep> steps, List<HclExpr> into) {
    for (HclStep step : steps) {
      if (step instanceof HclStep.Index index) {
        into.add(index.key());
      }
    }
  }
}
