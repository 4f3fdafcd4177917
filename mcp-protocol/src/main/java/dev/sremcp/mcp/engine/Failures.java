package dev.sremcp.mcp.engine;

import java.lang.System.Logger.Level;
import java.util.UUID;

/** A failure on our side: logged with a reference the client can quote, and nothing more. */
final class Failures {

  private static final System.Logger LOG = System.getLogger("dev.sremcp.mcp.engine");

  private Failures() {}

  /** Logs {@code failure} and returns the reference it is logged under. */
  static String logged(String what, Throwable failure) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, what + " failed, reference " + reference, failure);
    return reference;
  }
}
