package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CompletionProvider;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.Resource;
import dev.sremcp.mcp.spi.ResourceTemplate;
import dev.sremcp.mcp.spi.Tool;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP engine: answers one JSON-RPC request at a time, statelessly, under the rules of the
 * request's era. Transports ({@code http}, {@code stdio}) read the wire, work out the era and hand
 * requests here with a {@link CallScope}.
 */
public final class McpServer {

  private static final System.Logger LOG = System.getLogger(McpServer.class.getName());

  /** Methods of the legacy era that 2026-07-28 removed. */
  private static final Set<String> LEGACY_ONLY =
      Set.of(
          "initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe");

  /** Every method this engine knows; metrics label anything else "other". */
  private static final Set<String> KNOWN =
      Set.of(
          "initialize",
          "ping",
          "logging/setLevel",
          "server/discover",
          "tools/list",
          "tools/call",
          "resources/list",
          "resources/templates/list",
          "resources/read",
          "resources/subscribe",
          "resources/unsubscribe",
          "prompts/list",
          "prompts/get",
          "completion/complete");

  private final Implementation serverInfo;
  private final String instructions;
  private final Catalog catalog;
  private final int pageSize;
  private final long cacheTtlMs;
  private final String cacheScope;
  private final InputFlow inputFlow;
  private final RequestObserver observer;
  private final PendingRequests pending = new PendingRequests();
  private final Map<String, Cancellation> inFlight = new ConcurrentHashMap<>();
  private final ToolMethods toolMethods;
  private final ContentMethods contentMethods;

  private McpServer(Builder builder) {
    this.serverInfo = Objects.requireNonNull(builder.serverInfo, "serverInfo");
    this.instructions = builder.instructions;
    this.catalog =
        new Catalog(
            builder.tools,
            builder.resources,
            builder.templates,
            builder.prompts,
            builder.completions);
    this.pageSize = builder.pageSize;
    this.cacheTtlMs = builder.cacheTtl.toMillis();
    this.cacheScope = builder.cacheScope;
    this.inputFlow =
        new InputFlow(
            new StateSealer(builder.stateKey, builder.clock, builder.stateLifetime),
            builder.clientTimeout);
    this.observer = builder.observer;
    this.toolMethods = new ToolMethods(catalog, inputFlow);
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
    String key = inFlightKey(scope.requester(), request.id());
    inFlight.put(key, scope.cancellation());
    String outcome = "error";
    try {
      ObjectNode result = dispatch(request.method(), request.params(), scope);
      scope.cancellation().check();
      outcome = result.path("isError").asBoolean(false) ? "tool_error" : "ok";
      return new Reply(
          new JsonRpcMessage.Result(request.id(), decorate(request.method(), result, scope)), 200);
    } catch (McpException e) {
      return new Reply(new JsonRpcMessage.Error(request.id(), e.error()), e.httpStatus());
    } catch (CancellationException e) {
      outcome = "cancelled";
      return Reply.NONE;
    } catch (RuntimeException | StackOverflowError e) {
      String reference = UUID.randomUUID().toString();
      LOG.log(Level.ERROR, "request " + request.method() + " failed, reference " + reference, e);
      return new Reply(
          new JsonRpcMessage.Error(
              request.id(),
              JsonRpcError.of(
                  ErrorCode.INTERNAL_ERROR, "Internal error, logged under reference " + reference)),
          500);
    } finally {
      inFlight.remove(key, scope.cancellation());
      observer.completed(
          KNOWN.contains(request.method()) ? request.method() : "other",
          nameOf(request.method(), request.params()),
          Duration.ofNanos(System.nanoTime() - start),
          outcome);
    }
  }

  /** A notification from a client: {@code notifications/cancelled} stops its request. */
  public void accept(JsonRpcMessage.Notification notification, String requester) {
    if ("notifications/cancelled".equals(notification.method())) {
      JsonNode id = notification.params().get("requestId");
      Cancellation cancellation = id == null ? null : inFlight.get(inFlightKey(requester, id));
      if (cancellation != null) {
        cancellation.cancel();
      }
    }
  }

  /** A client's answer to a request this server sent; false when no request waits for it. */
  public boolean acceptAnswer(JsonRpcMessage answer) {
    return pending.complete(answer);
  }

  private static String inFlightKey(String requester, JsonNode id) {
    return requester + '\u0000' + id;
  }

  private ObjectNode dispatch(String method, ObjectNode params, CallScope scope) {
    boolean modern = scope.version().isModern();
    if (modern && LEGACY_ONLY.contains(method)) {
      throw methodNotFound(method, scope, " (removed in protocol version 2026-07-28)");
    }
    return switch (method) {
      case "initialize" -> initialize(params);
      case "ping", "resources/subscribe", "resources/unsubscribe" -> {
        if (!"ping".equals(method)) {
          contentMethods.requireResources(method, scope);
          requiredText(params, "uri");
        }
        yield Json.object();
      }
      case "logging/setLevel" -> {
        LogLevel.parse(params.path("level").asText())
            .orElseThrow(
                () ->
                    McpException.invalidParams(
                        "level must be one of debug, info, notice, warning, error, critical, alert,"
                            + " emergency"));
        yield Json.object();
      }
      case "server/discover" -> {
        if (!modern) {
          throw methodNotFound(
              method, scope, " (server/discover is part of protocol version 2026-07-28)");
        }
        yield discover();
      }
      case "tools/list" -> page("tools", catalog.tools(), params, Tool::toJson);
      case "tools/call" -> toolMethods.call(params, scope);
      case "resources/list" -> {
        contentMethods.requireResources(method, scope);
        yield page("resources", catalog.resources(), params, Resource::toJson);
      }
      case "resources/templates/list" -> {
        contentMethods.requireResources(method, scope);
        yield page("resourceTemplates", catalog.templates(), params, ResourceTemplate::toJson);
      }
      case "resources/read" -> contentMethods.read(params, scope);
      case "prompts/list" -> {
        contentMethods.requirePrompts(method, scope);
        yield page("prompts", catalog.prompts(), params, Prompt::toJson);
      }
      case "prompts/get" -> contentMethods.getPrompt(params, scope);
      case "completion/complete" -> contentMethods.complete(params, scope);
      default -> throw methodNotFound(method, scope, "");
    };
  }

  static McpException methodNotFound(String method, CallScope scope, String why) {
    return new McpException(
        JsonRpcError.of(ErrorCode.METHOD_NOT_FOUND, "Method not found: " + method + why),
        scope.version().isModern() ? 404 : 200);
  }

  private ObjectNode initialize(ObjectNode params) {
    String requested = requiredText(params, "protocolVersion");
    ProtocolVersion version =
        ProtocolVersion.parse(requested)
            .filter(v -> !v.isModern())
            .orElse(ProtocolVersion.LATEST_LEGACY);
    ObjectNode result = Json.object().put("protocolVersion", version.id());
    result.set("capabilities", capabilities(false));
    result.set("serverInfo", serverInfo.toJson());
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }

  private ObjectNode discover() {
    ObjectNode result = Json.object();
    ArrayNode versions = result.putArray("supportedVersions");
    ProtocolVersion.modernIds().forEach(versions::add);
    result.set("capabilities", capabilities(true));
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }

  private ObjectNode capabilities(boolean modern) {
    ObjectNode capabilities = Json.object();
    capabilities.putObject("tools");
    if (catalog.hasResources()) {
      ObjectNode resources = capabilities.putObject("resources");
      if (!modern) {
        resources.put("subscribe", true);
      }
    }
    if (catalog.hasPrompts()) {
      capabilities.putObject("prompts");
    }
    if (catalog.completions() != null) {
      capabilities.putObject("completions");
    }
    capabilities.putObject("logging");
    return capabilities;
  }

  private <T> ObjectNode page(
      String field,
      List<T> items,
      ObjectNode params,
      java.util.function.Function<T, ObjectNode> json) {
    Pagination.Page<T> page = Pagination.page(items, params, pageSize);
    ObjectNode result = Json.object();
    ArrayNode list = result.putArray(field);
    page.items().forEach(item -> list.add(json.apply(item)));
    if (page.nextCursor() != null) {
      result.put("nextCursor", page.nextCursor());
    }
    return result;
  }

  /** What 2026-07-28 adds to every result: its type, the server's identity and cache hints. */
  private ObjectNode decorate(String method, ObjectNode result, CallScope scope) {
    if (!scope.version().isModern()) {
      return result;
    }
    if (!result.has("resultType")) {
      result.put("resultType", "complete");
    }
    ObjectNode meta =
        result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
    meta.set(Envelope.SERVER_INFO, serverInfo.toJson());
    if (isCacheable(method) && "complete".equals(result.get("resultType").asText())) {
      result.put("ttlMs", cacheTtlMs);
      result.put("cacheScope", cacheScope);
    }
    return result;
  }

  private static boolean isCacheable(String method) {
    return switch (method) {
      case "server/discover",
          "tools/list",
          "prompts/list",
          "resources/list",
          "resources/templates/list",
          "resources/read" ->
          true;
      default -> false;
    };
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
  private String nameOf(String method, ObjectNode params) {
    String name = params.path("name").asText(null);
    return switch (method) {
      case "tools/call" -> name != null && catalog.tool(name).isPresent() ? name : "unknown";
      case "prompts/get" -> name != null && catalog.prompt(name).isPresent() ? name : "unknown";
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

    private Builder() {}

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
