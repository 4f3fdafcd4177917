package dev.sremcp.host.lambda;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.McpHostContract;
import java.util.Map;

class FunctionUrlContractTest extends McpHostContract {

  private static final McpLambdaHandler HANDLER = McpLambdaHandler.unmetered(Map.of());

  @Override
  protected HostResponse send(HostRequest request) {
    return EventFormat.FUNCTION_URL.invoke(HANDLER, request);
  }
}
