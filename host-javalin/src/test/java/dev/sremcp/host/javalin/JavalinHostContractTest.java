package dev.sremcp.host.javalin;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.McpHostContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JavalinHostContractTest extends McpHostContract {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected HostResponse send(HostRequest request) {
    return server.send(request);
  }
}
