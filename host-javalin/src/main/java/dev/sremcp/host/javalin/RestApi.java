package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.application.AccountException;
import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.ApiKey;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.mcp.http.BearerAuthentication;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.ports.out.Payments;
import dev.sremcp.ports.out.PaymentsException;
import dev.sremcp.ports.out.StoreUnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The REST API under {@code /v1}: sign-up, login, token refresh and logout, and, for the caller's
 * own account only, its keys, its details and its usage. The account is always the one the
 * credential belongs to; no route takes an account id, so none can reach another account's data.
 */
final class RestApi {

  private static final long MAX_BODY = 16 * 1024;

  private final AccountService accounts;
  private final String metadataUrl;

  RestApi(AccountService accounts, String metadataUrl) {
    this.accounts = accounts;
    this.metadataUrl = metadataUrl;
  }

  void register(JavalinConfig config) {
    config.routes.post("/v1/signup", guarded(this::signUp));
    config.routes.post("/v1/login", guarded(this::login));
    config.routes.post("/v1/token/refresh", guarded(this::refresh));
    config.routes.post("/v1/logout", guarded(this::logout));
    config.routes.get("/v1/account", guarded(this::account));
    config.routes.get("/v1/keys", guarded(this::keys));
    config.routes.post("/v1/keys", guarded(this::createKey));
    config.routes.delete("/v1/keys/{id}", guarded(this::revokeKey));
    config.routes.get("/v1/usage", guarded(this::usage));
    String openApi = openApi();
    config.routes.get(
        "/v1/openapi.json", context -> context.contentType("application/json").result(openApi));
  }

  private void signUp(Context context) {
    JsonNode body = body(context);
    session(context, 201, accounts.signUp(text(body, "email"), text(body, "password")));
  }

  private void login(Context context) {
    JsonNode body = body(context);
    session(context, 200, accounts.login(text(body, "email"), text(body, "password")));
  }

  private void refresh(Context context) {
    session(context, 200, accounts.refresh(text(body(context), "refreshToken")));
  }

  private void logout(Context context) {
    accounts.logout(text(body(context), "refreshToken"));
    context.status(204);
  }

  private void account(Context context) {
    Caller caller = caller(context);
    Account account = accounts.account(caller.account());
    TierLimits limits = caller.limits();
    ObjectNode out =
        Json.object()
            .put("id", account.id().toString())
            .put("email", account.email())
            .put("tier", account.tier().id())
            .put("createdAt", account.createdAt().toString());
    ObjectNode shown = out.putObject("limits");
    if (limits.unlimitedMonth()) {
      shown.putNull("monthlyRequests");
    } else {
      shown.put("monthlyRequests", limits.monthlyRequests());
    }
    shown
        .put("hourlyRate", limits.hourlyRate())
        .put("burst", limits.burst())
        .put("inFlight", limits.inFlight())
        .put("maxInputBytes", limits.maxInputBytes())
        .put("priority", limits.priority().id());
    json(context, 200, out);
  }

  private void keys(Context context) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (StoredKey key : accounts.keys(caller(context).account())) {
      ObjectNode item =
          list.addObject()
              .put("id", key.id())
              .put("name", key.name())
              .put("display", ApiKey.PREFIX + key.id() + "_..." + key.lastFour())
              .put("createdAt", key.createdAt().toString())
              .put("active", key.active());
      if (key.revokedAt() != null) {
        item.put("revokedAt", key.revokedAt().toString());
      }
    }
    json(context, 200, Json.object().set("keys", list));
  }

  private void createKey(Context context) {
    Caller caller = caller(context);
    JsonNode body = context.bodyAsBytes().length == 0 ? Json.object() : body(context);
    ApiKey key =
        accounts.createKey(
            caller.account(), body.path("name").asText("default"), caller.credential());
    json(
        context,
        201,
        Json.object()
            .put("id", key.id())
            .put("key", key.value())
            .put("note", "This is the only time the key is shown; store it now."));
  }

  private void revokeKey(Context context) {
    Caller caller = caller(context);
    accounts.revokeKey(caller.account(), context.pathParam("id"), caller.credential());
    context.status(204);
  }

  private void usage(Context context) {
    AccountService.Usage usage = accounts.usage(caller(context).account(), 50);
    ObjectNode out =
        Json.object().put("period", usage.summary().period()).put("used", usage.summary().used());
    if (usage.summary().limit() == TierLimits.UNLIMITED) {
      out.putNull("limit");
      out.putNull("remaining");
    } else {
      out.put("limit", usage.summary().limit()).put("remaining", usage.summary().remaining());
    }
    ObjectNode byTool = out.putObject("byTool");
    usage.summary().byTool().forEach(byTool::put);
    ArrayNode recent = out.putArray("recent");
    for (UsageRecord record : usage.recent()) {
      recent
          .addObject()
          .put("requestId", record.requestId())
          .put("tool", record.tool())
          .put("outcome", record.outcome().id())
          .put("units", record.units())
          .put("at", record.at().toString())
          .put("latencyMs", record.latencyMillis());
    }
    json(context, 200, out);
  }

  Caller caller(Context context) {
    Optional<Caller> caller =
        Optional.ofNullable(context.header("Authorization"))
            .flatMap(BearerAuthentication::bearer)
            .flatMap(accounts::authenticate);
    if (caller.isEmpty()) {
      BearerAuthentication.challenge(metadataUrl).forEach(context::header);
      throw new AccountException(
          AccountException.Kind.UNAUTHORIZED,
          "Send Authorization: Bearer <access token or API key>");
    }
    return caller.get();
  }

  private static void session(Context context, int status, AccountService.Session session) {
    json(
        context,
        status,
        Json.object()
            .put("accountId", session.account().toString())
            .put("tokenType", "Bearer")
            .put("accessToken", session.access().token())
            .put("expiresAt", session.access().expiresAt().toString())
            .put("refreshToken", session.refreshToken()));
  }

  /** Every route answers its errors as JSON with a status that names the kind of problem. */
  static Handler guarded(Handler handler) {
    return context -> {
      context.header("Cache-Control", "no-store");
      try {
        handler.handle(context);
      } catch (AccountException e) {
        int status =
            switch (e.kind()) {
              case INVALID -> 400;
              case UNAUTHORIZED -> 401;
              case NOT_FOUND -> 404;
              case CONFLICT -> 409;
            };
        error(context, status, e.getMessage());
      } catch (BadRequest | Payments.InvalidNotificationException e) {
        error(context, 400, e.getMessage());
      } catch (PaymentsException e) {
        // Stripe is away (503, retry) or refuses what this server asked (502: its configuration)
        if (e.retryable()) {
          context.header("Retry-After", "30");
        }
        error(context, e.retryable() ? 503 : 502, e.getMessage());
      } catch (StoreUnavailableException e) {
        // REST routes all pass here; MCP answers its own 503 in BearerAuthentication
        context.header("Retry-After", String.valueOf(BearerAuthentication.RETRY_AFTER.toSeconds()));
        error(context, 503, "The account database is unreachable; retry in a few seconds");
      }
    };
  }

  static JsonNode body(Context context) {
    String type = Optional.ofNullable(context.contentType()).orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadRequest("Send a JSON body with Content-Type: application/json");
    }
    byte[] bytes = context.bodyAsBytes(); // Javalin caps bodies at its maxRequestSize
    if (bytes.length > MAX_BODY) {
      throw new BadRequest("The request body is larger than " + MAX_BODY + " bytes");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequest("The request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new BadRequest("The request body is not valid JSON");
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw new BadRequest("'" + field + "' is required (a string)");
    }
    return value.textValue();
  }

  static void error(Context context, int status, String message) {
    json(context, status, Json.object().put("error", status).put("message", message));
  }

  static void json(Context context, int status, JsonNode body) {
    context.status(status).contentType("application/json").result(Json.text(body));
  }

  private static String openApi() {
    try (InputStream in = RestApi.class.getResourceAsStream("openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
