package dev.sremcp.persistence;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is: an external PostgreSQL ({@code SREMCP_DATABASE_URL}, with {@code
 * SREMCP_DATABASE_USER} and {@code SREMCP_DATABASE_PASSWORD}), or, with no configuration, an
 * embedded one whose data lives under {@code SREMCP_HOME} (default {@code ~/.sre-mcp}).
 *
 * @param url a JDBC URL, or {@code null} for the embedded database
 * @param home the directory of the embedded database's data
 */
public record DatabaseSettings(String url, String user, String password, Path home, int poolSize) {

  public DatabaseSettings {
    Objects.requireNonNull(home, "home");
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection");
    }
  }

  public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
    String url = blankToNull(environment.get("SREMCP_DATABASE_URL"));
    if (url != null && !url.startsWith("jdbc:")) {
      url = "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
    }
    return new DatabaseSettings(
        url,
        blankToNull(environment.get("SREMCP_DATABASE_USER")),
        blankToNull(environment.get("SREMCP_DATABASE_PASSWORD")),
        home(environment),
        EnvironmentNumbers.positive(environment, "SREMCP_DATABASE_POOL_SIZE", 10));
  }

  /** {@code SREMCP_HOME}, or {@code ~/.sre-mcp}. */
  public static Path home(Map<String, String> environment) {
    String home = blankToNull(environment.get("SREMCP_HOME"));
    return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sre-mcp");
  }

  public boolean embedded() {
    return url == null;
  }

  @Override
  public String toString() {
    return embedded() ? "embedded PostgreSQL under " + home : "PostgreSQL at " + redact(url);
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***").replaceAll("//[^/@]*@", "//***@");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
