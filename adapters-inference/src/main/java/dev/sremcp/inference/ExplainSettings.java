package dev.sremcp.inference;

import dev.sremcp.application.Explainer;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.LanguageModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether and how calls are explained, from the environment.
 *
 * <ul>
 *   <li>{@code SREMCP_INFERENCE}: {@code off} turns explanations off; on by default.
 *   <li>{@code SREMCP_OLLAMA_MODEL}: the model of every tier and of local calls (default {@value
 *       #DEFAULT_MODEL}); {@code SREMCP_OLLAMA_MODEL_<TIER>} overrides one tier, {@code none} takes
 *       explanations away from it.
 *   <li>{@code SREMCP_OLLAMA_MODELS}: the models professional and enterprise callers may pick with
 *       the {@code model} argument, comma-separated.
 *   <li>{@code SREMCP_EXPLAIN_CACHE_TTL_SECONDS}: how long a reply is cached (default a day).
 *   <li>{@code SREMCP_STATE_KEY}: the pseudonym keys derive from it, so every instance behind one
 *       load balancer gives a tenant the same pseudonyms and shares the cache; without it, a random
 *       key per process.
 * </ul>
 *
 * Ollama itself is configured by {@link OllamaSettings}.
 */
public record ExplainSettings(
    boolean enabled,
    OllamaSettings ollama,
    ModelTable models,
    Duration cacheTtl,
    byte[] pseudonymSecret) {

  public static final String DEFAULT_MODEL = "llama3.2:3b";

  public static ExplainSettings fromEnvironment(Map<String, String> environment) {
    boolean enabled = !"off".equalsIgnoreCase(value(environment, "SREMCP_INFERENCE", "on"));
    String model = value(environment, "SREMCP_OLLAMA_MODEL", DEFAULT_MODEL);
    Map<Tier, String> byTier = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      String chosen =
          value(environment, "SREMCP_OLLAMA_MODEL_" + tier.name().toUpperCase(Locale.ROOT), model);
      if (!"none".equalsIgnoreCase(chosen)) {
        byTier.put(tier, chosen);
      }
    }
    List<String> allowed = new ArrayList<>();
    for (String name : value(environment, "SREMCP_OLLAMA_MODELS", "").split(",")) {
      if (!name.isBlank()) {
        allowed.add(name.strip());
      }
    }
    long ttl;
    try {
      ttl = Long.parseLong(value(environment, "SREMCP_EXPLAIN_CACHE_TTL_SECONDS", "86400"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SREMCP_EXPLAIN_CACHE_TTL_SECONDS must be a whole number of seconds");
    }
    if (ttl < 1) {
      throw new IllegalArgumentException("SREMCP_EXPLAIN_CACHE_TTL_SECONDS must be positive");
    }
    return new ExplainSettings(
        enabled,
        OllamaSettings.fromEnvironment(environment),
        new ModelTable(byTier, model, allowed),
        Duration.ofSeconds(ttl),
        pseudonymSecret(environment.get("SREMCP_STATE_KEY")));
  }

  /** The explain step of these settings over a language model and a cache. */
  public Explainer explainer(LanguageModel model, ExplanationCache cache) {
    return new Explainer(model, cache, models, pseudonymSecret, cacheTtl);
  }

  private static byte[] pseudonymSecret(String stateKey) {
    if (stateKey == null || stateKey.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return random;
    }
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("sre-mcp pseudonyms\0" + stateKey.strip()).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String value(Map<String, String> environment, String name, String absent) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? absent : value.strip();
  }

  @Override
  public String toString() {
    if (!enabled) {
      return "explanations off";
    }
    return "explanations with "
        + models.local()
        + " on "
        + ollama.servers()
        + (models.allowed().isEmpty() ? "" : ", pickable " + models.allowed());
  }
}
