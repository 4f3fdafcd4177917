package dev.sremcp.host.lambda;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.McpHostContract;
import java.util.Map;

class HttpApiV2ContractTest extends McpHostContract {

  private static final McpLambdaHandler HANDLER = McpLambdaHandler.unmetered(Map.of());

  @Override
  protected HostResponse send(HostRequest request) {
    return EventFormat.HTTP_API_V2.invoke(HANDLER, request);
  }
}
