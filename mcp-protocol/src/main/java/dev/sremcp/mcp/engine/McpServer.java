package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Incoming;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcCodec;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CompletionProvider;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.Resource;
import dev.sremcp.mcp.spi.ResourceTemplate;
import dev.sremcp.mcp.spi.Tool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The MCP engine: answers one JSON-RPC request at a time, statelessly, under the rules of the
 * request's era. Transports ({@code http}, {@code stdio}) read the wire, work out the era and hand
 * requests here with a {@link CallScope}.
 */
public final class McpServer {

  private final Implementation serverInfo;
  private final Catalog catalog;
  private final int pageSize;
  private final long cacheTtlMs;
  private final String cacheScope;
  private final ToolAccess toolAccess;
  private final RequestObserver observer;
  private final PendingRequests pending = new PendingRequests();
  private final Map<String, Cancellation> inFlight = new ConcurrentHashMap<>();
  private final LifecycleMethods lifecycle;
  private final ToolMethods toolMethods;
  private final ContentMethods contentMethods;

  private McpServer(Builder builder) {
    this.serverInfo = Objects.requireNonNull(builder.serverInfo, "serverInfo");
    this.catalog =
        new Catalog(
            builder.tools,
            builder.resources,
            builder.templates,
            builder.prompts,
            builder.completions);
    this.pageSize = builder.pageSize;
    this.cacheTtlMs = builder.cacheTtl.toMillis();
    this.toolAccess = builder.toolAccess;
    // A list that depends on the caller must not be shared between callers by a cache.
    this.cacheScope = builder.toolAccess == ToolAccess.OPEN ? builder.cacheScope : "private";
    this.observer = builder.observer;
    InputFlow inputFlow =
        new InputFlow(
            new StateSealer(builder.stateKey, builder.clock, builder.stateLifetime),
            builder.clientTimeout);
    this.lifecycle = new LifecycleMethods(serverInfo, builder.instructions, catalog);
    this.toolMethods = new ToolMethods(catalog, inputFlow, toolAccess);
    this.contentMethods = new ContentMethods(catalog, inputFlow);
  }

  public static Builder builder() {
    return new Builder();
  }

  PendingRequests pendingRequests() {
    return pending;
  }

  /** The tools in the order {@code tools/list} gives them. */
  public List<Tool> tools() {
    return catalog.tools();
  }

  /** Answers one request. Never throws: every failure becomes a JSON-RPC error. */
  public Reply handle(JsonRpcMessage.Request request, CallScope scope) {
    long start = System.nanoTime();
    String key = scope.principal() == null ? null : inFlightKey(scope.principal(), request.id());
    if (key != null) {
      inFlight.put(key, scope.cancellation());
    }
    Optional<McpMethod> method = McpMethod.named(request.method());
    String outcome = "error";
    try {
      McpMethod served =
          method
              .filter(m -> m.servedIn(scope.version()))
              .orElseThrow(() -> methodNotFound(request.method(), scope));
      ObjectNode result = dispatch(served, request.params(), scope);
      scope.cancellation().check();
      outcome = result.path("isError").asBoolean(false) ? "tool_error" : "ok";
      return new Reply(
          new JsonRpcMessage.Result(request.id(), decorate(served, result, scope)), 200);
    } catch (McpException e) {
      scope.responseHeaders().putAll(e.headers());
      return new Reply(new JsonRpcMessage.Error(request.id(), e.error()), e.httpStatus());
    } catch (CancellationException e) {
      outcome = "cancelled";
      return Reply.NONE;
    } catch (RuntimeException | StackOverflowError e) {
      String reference = Failures.logged("request " + request.method(), e);
      return new Reply(
          new JsonRpcMessage.Error(
              request.id(),
              JsonRpcError.of(
                  ErrorCode.INTERNAL_ERROR, "Internal error, logged under reference " + reference)),
          500);
    } finally {
      if (key != null) {
        inFlight.remove(key, scope.cancellation());
      }
      observe(method, request.params(), System.nanoTime() - start, outcome);
    }
  }

  private void observe(Optional<McpMethod> method, ObjectNode params, long nanos, String outcome) {
    try {
      observer.completed(
          method.map(m -> m.wire).orElse("other"),
          method.map(m -> nameOf(m, params)).orElse(null),
          Duration.ofNanos(nanos),
          outcome);
    } catch (RuntimeException e) {
      Failures.logged("the request observer", e);
    }
  }

  /**
   * A notification from a client: {@code notifications/cancelled} stops a request of the same
   * principal; without a principal it cannot be told apart from another client's, and is ignored.
   */
  public void accept(JsonRpcMessage.Notification notification, String principal) {
    if (principal != null && "notifications/cancelled".equals(notification.method())) {
      JsonNode id = notification.params().get("requestId");
      Cancellation cancellation = id == null ? null : inFlight.get(inFlightKey(principal, id));
      if (cancellation != null) {
        cancellation.cancel();
      }
    }
  }

  /**
   * A JSON-RPC batch (protocol version 2025-03-26): its requests answered in order by {@code
   * answer}, its notifications and answers taken as they come. The replies, as one array; empty
   * when nothing in the batch expects one.
   */
  public ArrayNode batch(
      Incoming.Batch batch, Function<JsonRpcMessage.Request, Reply> answer, String principal) {
    ArrayNode replies = Json.MAPPER.createArrayNode();
    for (Incoming item : batch.items()) {
      switch (item) {
        case Incoming.Invalid invalid -> replies.add(JsonRpcCodec.encode(invalid.response()));
        case Incoming.Single single -> {
          switch (single.message()) {
            case JsonRpcMessage.Request request -> {
              Reply reply = answer.apply(request);
              if (!reply.isNone()) {
                replies.add(JsonRpcCodec.encode(reply.message()));
              }
            }
            case JsonRpcMessage.Notification notification -> accept(notification, principal);
            case JsonRpcMessage.Result result -> acceptAnswer(result);
            case JsonRpcMessage.Error error -> acceptAnswer(error);
          }
        }
        case Incoming.Batch nested ->
            throw new IllegalStateException(
                "the codec reads batch items one by one; it never nests");
      }
    }
    return replies;
  }

  /** A client's answer to a request this server sent; false when no request waits for it. */
  public boolean acceptAnswer(JsonRpcMessage answer) {
    return pending.complete(answer);
  }

  private static String inFlightKey(String principal, JsonNode id) {
    return principal + '\u0000' + id;
  }

  private ObjectNode dispatch(McpMethod method, ObjectNode params, CallScope scope) {
    return switch (method) {
      case INITIALIZE -> lifecycle.initialize(params);
      case DISCOVER -> lifecycle.discover();
      case PING -> Json.object();
      case SUBSCRIBE, UNSUBSCRIBE -> {
        contentMethods.requireResources(method.wire, scope);
        requiredText(params, "uri");
        yield Json.object();
      }
      case SET_LOG_LEVEL -> {
        LogLevel.parse(params.path("level").asText())
            .orElseThrow(
                () ->
                    McpException.invalidParams(
                        "level must be one of debug, info, notice, warning, error, critical, alert,"
                            + " emergency"));
        yield Json.object();
      }
      case LIST_TOOLS ->
          Pagination.listResult(
              "tools",
              toolAccess == ToolAccess.OPEN
                  ? catalog.tools()
                  : catalog.tools().stream()
                      .filter(tool -> toolAccess.visible(tool.name(), scope.attributes()))
                      .toList(),
              params,
              pageSize,
              Tool::toJson);
      case CALL_TOOL -> toolMethods.call(params, scope);
      case LIST_RESOURCES -> {
        contentMethods.requireResources(method.wire, scope);
        yield Pagination.listResult(
            "resources", catalog.resources(), params, pageSize, Resource::toJson);
      }
      case LIST_TEMPLATES -> {
        contentMethods.requireResources(method.wire, scope);
        yield Pagination.listResult(
            "resourceTemplates", catalog.templates(), params, pageSize, ResourceTemplate::toJson);
      }
      case READ_RESOURCE -> contentMethods.read(params, scope);
      case LIST_PROMPTS -> {
        contentMethods.requirePrompts(method.wire, scope);
        yield Pagination.listResult("prompts", catalog.prompts(), params, pageSize, Prompt::toJson);
      }
      case GET_PROMPT -> contentMethods.getPrompt(params, scope);
      case COMPLETE -> contentMethods.complete(params, scope);
    };
  }

  static McpException methodNotFound(String method, CallScope scope) {
    boolean modern = scope.version().isModern();
    String why =
        McpMethod.named(method)
            .map(
                known ->
                    modern
                        ? " (removed in protocol version 2026-07-28)"
                        : " (part of protocol version 2026-07-28)")
            .orElse("");
    return notFound("Method not found: " + method + why, scope);
  }

  static McpException notFound(String message, CallScope scope) {
    return new McpException(
        JsonRpcError.of(ErrorCode.METHOD_NOT_FOUND, message),
        scope.version().isModern() ? 404 : 200);
  }

  /** What 2026-07-28 adds to every result: its type, the server's identity and cache hints. */
  private ObjectNode decorate(McpMethod method, ObjectNode result, CallScope scope) {
    if (!scope.version().isModern()) {
      return result;
    }
    if (!result.has("resultType")) {
      result.put("resultType", "complete");
    }
    ObjectNode meta =
        result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
    meta.set(Envelope.SERVER_INFO, serverInfo.toJson());
    if (method.cacheable && "complete".equals(result.get("resultType").asText())) {
      result.put("ttlMs", cacheTtlMs);
      result.put("cacheScope", cacheScope);
    }
    return result;
  }

  static String requiredText(ObjectNode params, String field) {
    JsonNode value = params.get(field);
    if (value == null || !value.isTextual()) {
      throw McpException.invalidParams("params." + field + " is required (a string)");
    }
    return value.textValue();
  }

  /**
   * The tool or prompt a request names, for metrics: only names the catalog knows, so a client
   * cannot create a metric series per made-up name.
   */
  private String nameOf(McpMethod method, ObjectNode params) {
    String name = params.path("name").asText(null);
    return switch (method) {
      case CALL_TOOL -> name != null && catalog.tool(name).isPresent() ? name : "unknown";
      case GET_PROMPT -> name != null && catalog.prompt(name).isPresent() ? name : "unknown";
      default -> null;
    };
  }

  /** Configures a server. */
  public static final class Builder {
    private Implementation serverInfo;
    private String instructions;
    private final List<Tool> tools = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<ResourceTemplate> templates = new ArrayList<>();
    private final List<Prompt> prompts = new ArrayList<>();
    private CompletionProvider completions;
    private int pageSize = 100;
    private Duration cacheTtl = Duration.ofMinutes(5);
    private String cacheScope = "public";
    private byte[] stateKey = StateSealer.randomKey();
    private Duration stateLifetime = Duration.ofMinutes(15);
    private Duration clientTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private RequestObserver observer = RequestObserver.NONE;
    private ToolAccess toolAccess = ToolAccess.OPEN;

    private Builder() {}

    /** Who may see and call which tool; everyone, everything by default. */
    public Builder toolAccess(ToolAccess toolAccess) {
      this.toolAccess = Objects.requireNonNull(toolAccess, "toolAccess");
      return this;
    }

    public Builder serverInfo(Implementation serverInfo) {
      this.serverInfo = serverInfo;
      return this;
    }

    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    public Builder tool(Tool tool) {
      tools.add(tool);
      return this;
    }

    public Builder tools(List<Tool> tools) {
      this.tools.addAll(tools);
      return this;
    }

    public Builder resource(Resource resource) {
      resources.add(resource);
      return this;
    }

    public Builder template(ResourceTemplate template) {
      templates.add(template);
      return this;
    }

    public Builder prompt(Prompt prompt) {
      prompts.add(prompt);
      return this;
    }

    public Builder completions(CompletionProvider completions) {
      this.completions = completions;
      return this;
    }

    /** How many items a page of a {@code *\/list} result holds. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1");
      }
      this.pageSize = pageSize;
      return this;
    }

    /** The cache hints of 2026-07-28 list, read and discover results. */
    public Builder cacheHints(Duration ttl, boolean shared) {
      this.cacheTtl = ttl;
      this.cacheScope = shared ? "public" : "private";
      return this;
    }

    /**
     * The key that seals {@code requestState}; every instance behind one load balancer needs the
     * same one. Random per process by default.
     */
    public Builder stateKey(byte[] key) {
      this.stateKey = key.clone();
      return this;
    }

    /** How long a legacy client has to answer a sampling or elicitation request. */
    public Builder clientTimeout(Duration timeout) {
      this.clientTimeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder observer(RequestObserver observer) {
      this.observer = observer;
      return this;
    }

    public McpServer build() {
      return new McpServer(this);
    }
  }
}
