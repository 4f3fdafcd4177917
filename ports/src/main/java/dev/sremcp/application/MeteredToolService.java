package dev.sremcp.application;

import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.Refusal;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.domain.report.LlmUse;
import dev.sremcp.domain.report.UsageCharge;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.ports.in.ListToolsUseCase;
import dev.sremcp.ports.in.RunToolUseCase;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.ports.out.RateLimiter;
import dev.sremcp.ports.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs tools for paying callers: checks the tier and the input size, admits the call (hourly rate,
 * then in-flight cap, then the exact monthly quota, then the global priority budget), runs it,
 * charges it only when it completed, and writes one audit row whatever happened. A call without
 * metering (the library, the command line) goes straight to the analyzers.
 */
public final class MeteredToolService implements RunToolUseCase, ListToolsUseCase {

  private static final System.Logger LOG = System.getLogger(MeteredToolService.class.getName());

  private final ToolService tools;
  private final Map<String, ToolDescriptor> descriptors;
  private final RateLimiter rate;
  private final ConcurrencyLimiter concurrency;
  private final QuotaLedger ledger;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<Priority, Duration> waits;

  /**
   * @param waits how long each priority may wait for a slot in the global budget before it is shed
   */
  public MeteredToolService(
      ToolService tools,
      RateLimiter rate,
      ConcurrencyLimiter concurrency,
      QuotaLedger ledger,
      AuditLog audit,
      Clock clock,
      Map<Priority, Duration> waits) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.descriptors =
        tools.listTools().stream()
            .collect(Collectors.toUnmodifiableMap(ToolDescriptor::name, Function.identity()));
    this.rate = Objects.requireNonNull(rate, "rate");
    this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.waits = new EnumMap<>(waits);
    for (Priority priority : Priority.values()) {
      if (!this.waits.containsKey(priority)) {
        throw new IllegalArgumentException("no wait for priority " + priority);
      }
    }
  }

  /** The research's bounded waits: critical 2 s, high 1 s, medium 0.5 s, low none. */
  public static Map<Priority, Duration> defaultWaits() {
    return Map.of(
        Priority.CRITICAL, Duration.ofSeconds(2),
        Priority.HIGH, Duration.ofSeconds(1),
        Priority.MEDIUM, Duration.ofMillis(500),
        Priority.LOW, Duration.ZERO);
  }

  @Override
  public List<ToolDescriptor> listTools() {
    return tools.listTools();
  }

  @Override
  public ToolOutcome run(ToolCall call) {
    ToolCall.Metering metering = call.metering();
    if (metering == null) {
      return tools.run(call);
    }
    ToolDescriptor descriptor = descriptors.get(call.tool());
    if (descriptor == null) {
      return new ToolOutcome.UnknownTool(call.tool());
    }
    Caller caller = metering.caller();
    ToolOutcome outcome;
    try {
      outcome = admitAndRun(call, descriptor, caller, metering);
    } catch (RuntimeException | Error e) {
      record(call, metering, "failed");
      throw e;
    }
    record(call, metering, outcomeName(outcome));
    return outcome;
  }

  private ToolOutcome admitAndRun(
      ToolCall call, ToolDescriptor descriptor, Caller caller, ToolCall.Metering metering) {
    TierLimits limits = caller.limits();
    if (!caller.tier().includes(descriptor.minimumTier())) {
      return refused(
          call, new Refusal.TierTooLow(call.tool(), descriptor.minimumTier(), caller.tier()));
    }
    if (metering.inputBytes() > limits.maxInputBytes()) {
      return refused(
          call,
          new Refusal.InputTooLarge(caller.tier(), limits.maxInputBytes(), metering.inputBytes()));
    }
    RateLimiter.Decision hourly = rate.tryAcquire(caller.account(), limits);
    if (!hourly.allowed()) {
      return refused(
          call, new Refusal.HourlyRate(caller.tier(), limits.hourlyRate(), hourly.retryAfter()));
    }
    Optional<ConcurrencyLimiter.Permit> accountSlot =
        concurrency.enterAccount(caller.account(), metering.requestId(), limits.inFlight());
    if (accountSlot.isEmpty()) {
      return refused(call, new Refusal.InFlight(caller.tier(), limits.inFlight()));
    }
    try (ConcurrencyLimiter.Permit held = accountSlot.get()) {
      return withQuota(call, caller, metering, hourly);
    }
  }

  private ToolOutcome withQuota(
      ToolCall call, Caller caller, ToolCall.Metering metering, RateLimiter.Decision hourly) {
    Instant now = clock.instant();
    BillingPeriod period = BillingPeriod.calendarMonthOf(now);
    long limit = caller.limits().monthlyRequests();
    QuotaLedger.Reservation reservation;
    try {
      reservation =
          ledger.reserve(
              caller.account(), metering.requestId(), call.tool(), 1, limit, period, now);
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "quota store unreachable; refusing a charged call: " + e.getMessage());
      return refused(call, new Refusal.Unavailable("the usage database", Duration.ofSeconds(5)));
    }
    return switch (reservation) {
      case QuotaLedger.Reservation.Exhausted exhausted ->
          refused(
              call, new Refusal.MonthlyQuota(caller.tier(), exhausted.limit(), period.end(), now));
      case QuotaLedger.Reservation.AlreadyCounted counted ->
          // A retry of a request that was counted: served again, never counted again.
          withGlobalSlot(call, caller, metering, null, counted.limit() - counted.used(), hourly);
      case QuotaLedger.Reservation.Reserved reserved ->
          withGlobalSlot(
              call, caller, metering, period, reserved.limit() - reserved.used(), hourly);
    };
  }

  /**
   * @param period the period of this call's reservation, or {@code null} when it holds none
   */
  private ToolOutcome withGlobalSlot(
      ToolCall call,
      Caller caller,
      ToolCall.Metering metering,
      BillingPeriod period,
      long remainingMonth,
      RateLimiter.Decision hourly) {
    Priority priority = caller.limits().priority();
    Optional<ConcurrencyLimiter.Permit> slot;
    try {
      slot = concurrency.enterGlobal(priority, metering.requestId(), waits.get(priority));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      slot = Optional.empty();
    }
    if (slot.isEmpty()) {
      finish(call, metering, period, UsageOutcome.RELEASED, 0, null);
      return refused(call, new Refusal.Overloaded(priority, Duration.ofSeconds(1)));
    }
    long started = System.nanoTime();
    ToolOutcome outcome = null;
    try (ConcurrencyLimiter.Permit held = slot.get()) {
      outcome = tools.run(call);
    } finally {
      long millis = (System.nanoTime() - started) / 1_000_000;
      UsageOutcome usage =
          switch (outcome) {
            case ToolOutcome.Completed completed -> UsageOutcome.COMPLETED;
            case ToolOutcome.Rejected rejected -> UsageOutcome.REJECTED;
            case null, default -> UsageOutcome.RELEASED;
          };
      LlmUse llm =
          outcome instanceof ToolOutcome.Completed completed ? completed.report().llm() : null;
      finish(call, metering, period, usage, millis, llm);
    }
    if (outcome instanceof ToolOutcome.Completed completed) {
      boolean counted = period != null;
      return new ToolOutcome.Completed(
          charged(
              completed.report(),
              counted ? 1 : 0,
              caller.limits().unlimitedMonth() ? null : Math.max(0, remainingMonth),
              hourly.remaining()));
    }
    return outcome;
  }

  private void finish(
      ToolCall call,
      ToolCall.Metering metering,
      BillingPeriod period,
      UsageOutcome outcome,
      long latencyMillis,
      LlmUse llm) {
    // The model's part is recorded only when it ran: a fallback or a cached answer spent no tokens.
    if (period == null) {
      return;
    }
    boolean modelRan = llm != null && llm.used() && !Boolean.TRUE.equals(llm.cached());
    UsageRecord details =
        new UsageRecord(
            metering.caller().account(),
            metering.requestId(),
            call.tool(),
            1,
            outcome,
            period.id(),
            clock.instant(),
            latencyMillis,
            modelRan ? llm.model() : null,
            modelRan ? llm.tokensIn() : 0,
            modelRan ? llm.tokensOut() : 0);
    try {
      ledger.finish(metering.caller().account(), metering.requestId(), outcome, details);
    } catch (StoreUnavailableException e) {
      // The reservation stays; the abandoned-reservation job releases it if it was not charged.
      LOG.log(
          Level.WARNING,
          "could not finish reservation "
              + metering.requestId()
              + " as "
              + outcome.id()
              + ": "
              + e.getMessage());
    }
  }

  /**
   * @param month calls left this month, or {@code null} when the month is unlimited
   */
  private static AnalysisReport charged(
      AnalysisReport report, int units, Long month, long remainingHour) {
    return new AnalysisReport(
        report.tool(),
        report.analysis(),
        report.llm(),
        new UsageCharge(units, month, Math.max(0, remainingHour)));
  }

  private static ToolOutcome refused(ToolCall call, Refusal refusal) {
    return new ToolOutcome.Refused(call.tool(), refusal);
  }

  private void record(ToolCall call, ToolCall.Metering metering, String outcome) {
    try {
      audit.append(
          new AuditEvent(
              clock.instant(),
              metering.caller().account(),
              metering.caller().credential(),
              "tools/call",
              call.tool(),
              metering.inputSha256(),
              metering.inputBytes(),
              outcome));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not write the audit row of a call: " + e.getMessage());
    }
  }

  private static String outcomeName(ToolOutcome outcome) {
    return switch (outcome) {
      case ToolOutcome.Completed completed -> "completed";
      case ToolOutcome.Rejected rejected -> "rejected";
      case ToolOutcome.Failed failed -> "failed";
      case ToolOutcome.UnknownTool unknown -> "unknown-tool";
      case ToolOutcome.Refused refused -> "refused:" + refused.refusal().kind();
    };
  }
}
