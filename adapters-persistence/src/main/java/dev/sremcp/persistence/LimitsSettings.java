package dev.sremcp.persistence;

import dev.sremcp.domain.account.TierTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the limiters keep their counts: in this process, or in Redis ({@code SREMCP_REDIS_URL},
 * e.g. {@code redis://127.0.0.1:6379}) for every instance at once; how many calls the service runs
 * at once ({@code SREMCP_GLOBAL_CONCURRENCY}; default twice the processors, at least 4); and the
 * tier table ({@link #tiers}).
 *
 * @param redis {@code null} for in-process limits
 */
public record LimitsSettings(URI redis, int globalConcurrency) {

  public LimitsSettings {
    if (globalConcurrency < 1) {
      throw new IllegalArgumentException("SREMCP_GLOBAL_CONCURRENCY must be at least 1");
    }
    if (redis != null
        && !"redis".equals(redis.getScheme())
        && !"rediss".equals(redis.getScheme())) {
      throw new IllegalArgumentException(
          "SREMCP_REDIS_URL must be a redis:// or rediss:// URL, not " + redis.getScheme());
    }
  }

  public static LimitsSettings fromEnvironment(Map<String, String> environment) {
    String url = environment.get("SREMCP_REDIS_URL");
    return new LimitsSettings(
        url == null || url.isBlank() ? null : URI.create(url.strip()),
        EnvironmentNumbers.positive(
            environment,
            "SREMCP_GLOBAL_CONCURRENCY",
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
  }

  /** The business plan's tiers, with the operator's overrides from {@code SREMCP_TIERS_FILE}. */
  public static TierTable tiers(Map<String, String> environment) {
    String file = environment.get("SREMCP_TIERS_FILE");
    if (file == null || file.isBlank()) {
      return TierTable.defaults();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("SREMCP_TIERS_FILE " + file + " cannot be read", e);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    properties
        .stringPropertyNames()
        .forEach(key -> overrides.put(key, properties.getProperty(key)));
    return TierTable.defaults().with(overrides);
  }

  public boolean inProcess() {
    return redis == null;
  }

  @Override
  public String toString() {
    return (redis == null
            ? "in-process limits"
            : "Redis limits at " + redis.getHost() + ":" + redis.getPort())
        + ", "
        + globalConcurrency
        + " calls at once";
  }
}
