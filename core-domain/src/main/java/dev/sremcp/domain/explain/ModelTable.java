package dev.sremcp.domain.explain;

import dev.sremcp.domain.account.Tier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which model explains for each tier, and which models a caller may pick with the {@code model}
 * argument (from {@link #PICK_FROM} up). A tier without a model gets no explanations. Data, not
 * code: the host reads it from configuration.
 *
 * @param byTier the model of each tier; a tier absent here has no explanations
 * @param local the model of calls nobody pays for (the command line, the library), or {@code null}
 *     for none
 * @param allowed the models a caller may pick; empty when nobody may pick
 */
public record ModelTable(Map<Tier, String> byTier, String local, List<String> allowed) {

  /** The cheapest tier that may pick its model. */
  public static final Tier PICK_FROM = Tier.PROFESSIONAL;

  public ModelTable {
    byTier = byTier.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byTier));
    allowed = List.copyOf(allowed);
  }

  /** One model for every tier and for local calls, none to pick. */
  public static ModelTable everyone(String model) {
    Map<Tier, String> byTier = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      byTier.put(tier, model);
    }
    return new ModelTable(byTier, model, List.of());
  }

  /** What a call gets. */
  public sealed interface Choice {
    /** Explain with this model. */
    record Use(String model) implements Choice {}

    /** No explanation, for this reason (not an error: the deterministic result stands). */
    record None(String reason) implements Choice {}

    /** The call asked for what it may not have; the message names the problem and the limit. */
    record Refused(String message) implements Choice {}
  }

  /**
   * The model for a caller of {@code tier} ({@code null} for an unmetered call) that asked for
   * {@code requested} ({@code null} for its tier's model).
   */
  public Choice choose(Tier tier, String requested) {
    String model = tier == null ? local : byTier.get(tier);
    if (requested != null) {
      if (tier != null && !tier.includes(PICK_FROM)) {
        return new Choice.Refused(
            "the model argument needs the "
                + PICK_FROM
                + " tier or above; the "
                + tier
                + " tier explains with "
                + (model == null ? "no model" : model));
      }
      if (!allowed.contains(requested)) {
        return new Choice.Refused(
            "model \""
                + requested
                + "\" is not offered; the models you may pick are "
                + (allowed.isEmpty() ? "none (the operator offers no choice)" : allowed));
      }
      return new Choice.Use(requested);
    }
    if (model == null) {
      return new Choice.None(
          tier == null
              ? "no model is configured for local calls"
              : "explanations are not part of the " + tier + " tier");
    }
    return new Choice.Use(Objects.requireNonNull(model));
  }
}
