package dev.sremcp.persistence;

import java.net.URI;
import java.util.Map;

/**
 * Where the limiters keep their counts: in this process, or in Redis ({@code SREMCP_REDIS_URL},
 * e.g. {@code redis://127.0.0.1:6379}) for every instance at once; and how many calls the service
 * runs at once ({@code SREMCP_GLOBAL_CONCURRENCY}; default twice the processors, at least 4).
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
