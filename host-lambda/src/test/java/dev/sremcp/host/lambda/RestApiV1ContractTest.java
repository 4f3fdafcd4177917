package dev.sremcp.host.lambda;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.McpHostContract;
import java.util.Map;

class RestApiV1ContractTest extends McpHostContract {

  private static final McpLambdaHandler HANDLER = McpLambdaHandler.unmetered(Map.of());

  @Override
  protected HostResponse send(HostRequest request) {
    return EventFormat.REST_API_V1.invoke(HANDLER, request);
  }
}
