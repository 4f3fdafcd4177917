package dev.sremcp.domain.incident;

import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.incident.IncidentDetails.Hypothesis;
import dev.sremcp.domain.incident.IncidentDetails.Support;
import dev.sremcp.domain.incident.IncidentDetails.TimelineEntry;
import dev.sremcp.domain.logs.LogsDetails;
import dev.sremcp.domain.logs.LogsDetails.TemplateRow;
import dev.sremcp.domain.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deterministic part of {@code analyze_incident}: the onset, the signals around it, and causes
 * ranked by the evidence for each. Each piece of evidence has a weight for the cause it supports; a
 * cause's confidence is {@code 1 - Π(1 - weight)}, at most {@value #MAX_CONFIDENCE}; below {@value
 * #ABSTAIN_BELOW} for the best cause, the analysis abstains.
 */
final class Investigation {

  static final double ABSTAIN_BELOW = 0.5;
  static final double MAX_CONFIDENCE = 0.95;
  static final int TIMELINE_LIMIT = 200;

  /** How long before the onset a change is still a suspect. */
  static final Duration CHANGE_WINDOW = Duration.ofHours(3);

  /** Whether a template appeared during the log, not at its start. */
  private static final Duration SETTLED = Duration.ofMinutes(2);

  private static final Pattern APP_ERROR =
      Pattern.compile(
          "(?i)NullPointer|NoSuchMethod|ClassNotFound|ClassCast|IllegalArgument|IllegalState|"
              + "KeyError|TypeError|AttributeError|ValueError|undefined method|undefined is not|"
              + "cannot read propert|nil pointer|index out of range|panic:|Traceback|"
              + "unmarshal|deserializ|serializ|schema|column .{0,30} does not exist|no such column|"
              + "syntax error|NumberFormat|ParseException|invalid|unexpected|missing required|"
              + "canceling statement|statement timeout|QueryCanceled|deadlock detected|lock wait"
              + " timeout|duplicate key|violates .{0,40}constraint|SQLSTATE|IntegrityError");
  private static final Pattern STARTUP =
      Pattern.compile(
          "(?i)\\b(start(ed|ing)|boot(ed|ing)|deploy(ed|ing)|rolling out|upgrad(ed|ing)|pulled"
              + " image|successfully pulled)\\b.{0,120}\\bv?\\d+\\.\\d+\\.\\d+\\b");
  private static final Pattern FLAG_FLIP =
      Pattern.compile(
          "(?i)(feature|flag|toggle|experiment).{0,60}(enabled|turned on|\\bon\\b|true|rollout|"
              + "percent|%)");

  private final IncidentInput input;
  private final LogsDetails logs;

  /** The lasting shift of each series that has one, the totals over statuses included. */
  private final Map<Series, Shift> shifts = new LinkedHashMap<>();

  private final List<Expiry> expiries = new ArrayList<>();
  private final Map<Cause, CauseEvidence> causes = new EnumMap<>(Cause.class);
  private final Set<String> services = new LinkedHashSet<>();
  private final Set<String> hosts = new LinkedHashSet<>();
  private final Instant logStart;
  private final Map<Integer, String> traces = new HashMap<>();
  private Instant onset;
  private String onsetBy;
  private Instant surgeFrom;

  private static final String AFTER_THE_CHANGE = "new after the change: ";

  /** What a change on a service that shows no symptom counts for, against one on the path. */
  private static final double OFF_PATH = 0.35;

  private static final String NO_SYMPTOM = ", which shows no symptom";

  /** Changes whose weight was counted down for being superseded: once each. */
  private final Set<String> discounted = new HashSet<>();

  /** Changes on a component that shows no symptom, counted at {@link #OFF_PATH}. */
  private final Set<String> offPath = new HashSet<>();

  /** The latest change linked to what failed, just before the onset, if any. */
  private Change linked;

  /** When a workload that is not ours arrived on a shared resource at the onset, if one did. */
  private Instant arrived;

  private record Expiry(Series series, Instant at) {}

  /** A host's resource (not a workload's) running high: shared by whatever runs there. */
  private record HostLoad(Shift.Kind kind, Support support) {}

  private final List<HostLoad> hostLoads = new ArrayList<>();

  private Investigation(IncidentInput input, LogsDetails logs) {
    this.input = input;
    this.logs = logs;
    this.logStart = logs == null ? null : Times.parse(logs.log().from()).orElse(null);
    if (logs != null) {
      for (LogsDetails.StackTraceGroup trace : logs.stackTraces()) {
        traces.merge(
            trace.templateId(),
            trace.exception() + (trace.rootCause() == null ? "" : " " + trace.rootCause()),
            (a, b) -> a + " " + b);
      }
    }
  }

  /** What a template says: its text, its example and the exceptions of its stack traces. */
  private String words(TemplateRow row) {
    return row.template() + " " + row.example() + " " + traces.getOrDefault(row.id(), "");
  }

  /** The investigation's result: its details and the signals worth a finding. */
  record Result(IncidentDetails details, List<Signal> signals) {}

  /** A correlated signal, shown as a finding. */
  record Signal(String ruleId, Severity severity, String title, String message, Support evidence) {}

  static Result run(IncidentInput input, LogsDetails logs) {
    return new Investigation(input, logs).run();
  }

  private Result run() {
    for (Series series : input.series()) {
      Shift.of(series).ifPresent(shift -> shifts.put(series, shift));
      if (Shift.Kind.of(series) == Shift.Kind.CERTIFICATE) {
        expiry(series).ifPresent(expiries::add);
      }
    }
    for (Series total : Shift.totalsOverOutcomes(input.series())) {
      Shift.of(total).ifPresent(shift -> shifts.put(total, shift));
    }
    newcomerSymptoms();
    onset();
    affected();
    List<Signal> signals = new ArrayList<>();
    if (onset != null) {
      changes(signals);
      logSignals(signals);
      alertSignals();
      metricSignals(signals);
      linkChangesToMechanisms();
      supersededByTriggers();
    }
    List<Hypothesis> ranked = rank();
    boolean abstained = ranked.isEmpty() || ranked.getFirst().confidence() < ABSTAIN_BELOW;
    String abstention = abstained ? abstention(ranked) : null;
    List<TimelineEntry> timeline = timeline();
    IncidentDetails details =
        new IncidentDetails(
            text(onset),
            input.alerts().isEmpty() ? null : text(input.alerts().getFirst().at()),
            resolvedAt(),
            new IncidentDetails.Affected(List.copyOf(services), List.copyOf(hosts)),
            new IncidentDetails.Inputs(
                input.alerts().size(),
                input.changes().size(),
                input.series().size(),
                logs == null ? 0 : logs.log().lines(),
                logs == null ? 0 : logs.log().events()),
            limit(timeline),
            timeline.size(),
            ranked,
            abstained,
            abstention);
    return new Result(details, signals);
  }

  // ---- what is affected, and when it began

  private void affected() {
    for (Alert alert : input.alerts()) {
      if (onset != null && !near(alert.at())) {
        continue;
      }
      if (alert.service() != null) {
        services.add(alert.service());
      }
      for (String label : List.of("instance", "host", "node", "pod", "hostname")) {
        String host = alert.labels().get(label);
        if (host != null && hosts.size() < 20) {
          hosts.add(host);
        }
      }
    }
    for (Shift shift : symptomShifts()) {
      if (onset == null || near(shift.from())) {
        String owner = IncidentInput.service(shift.series().labels());
        if (owner != null && services.size() < 20) {
          services.add(owner);
        }
      }
    }
  }

  /**
   * The onset is the start of the densest cluster of symptoms: alerts (critical ones count twice),
   * error and latency series rising, the log's error rate rising, bursts and new errors. A lone
   * alert that fired hours before the rest is noise that was already there, not the start.
   */
  private void onset() {
    List<Candidate> symptoms = new ArrayList<>();
    for (Alert alert : input.alerts()) {
      symptoms.add(new Candidate(alert.at(), "the alert " + alert.name(), urgent(alert) ? 2 : 1));
    }
    // a rise a tenth of the largest of its query (a restart's few 503s beside the 504s that
    // followed, one pod's stray error beside the new pods' failures) starts nothing; a small
    // service's first rise beside a big one's in the same query is lost with it (a limitation)
    List<Shift> rising = symptomShifts();
    Map<String, Double> largestRise = new HashMap<>();
    for (Shift shift : rising) {
      largestRise.merge(query(shift.series()), shift.after() - shift.before(), Math::max);
    }
    for (Shift shift : rising) {
      if (shift.after() - shift.before() >= 0.1 * largestRise.get(query(shift.series()))) {
        symptoms.add(new Candidate(shift.from(), shift.series().label() + " rising", 2));
      }
    }
    if (logs != null) {
      if (logs.errorRateChange() != null) {
        Times.parse(logs.errorRateChange().at())
            .ifPresent(at -> symptoms.add(new Candidate(at, "the log's error rate rising", 1)));
      }
      for (LogsDetails.Burst burst : logs.bursts()) {
        if (burst.templateId() == null) {
          Times.parse(burst.from())
              .ifPresent(at -> symptoms.add(new Candidate(at, "a burst of errors in the log", 1)));
        }
      }
      for (TemplateRow row : logs.templates()) {
        Instant first = Times.parse(row.firstTime()).orElse(null);
        if (isError(row) && appeared(first) && !trickle(row, first)) {
          symptoms.add(
              new Candidate(first, "a new error in the log: " + clip(row.template(), 80), 1));
        }
      }
    }
    if (symptoms.isEmpty()) {
      return;
    }
    symptoms.sort(Comparator.comparing(Candidate::at));
    // the densest window of CLUSTER: each start's score is the weight from its time to CLUSTER on
    int at = 0;
    int bestScore = -1;
    int from = 0; // the first symptom at the start's time
    int to = 0; // the first symptom after the start's window
    int score = 0; // the weight of symptoms from..to-1
    for (int start = 0; start < symptoms.size(); start++) {
      Instant begin = symptoms.get(start).at();
      Instant end = begin.plus(CLUSTER);
      while (to < symptoms.size() && !symptoms.get(to).at().isAfter(end)) {
        score += symptoms.get(to++).weight();
      }
      while (symptoms.get(from).at().isBefore(begin)) {
        score -= symptoms.get(from++).weight();
      }
      if (score > bestScore) {
        at = start;
        bestScore = score;
      }
    }
    Candidate best = symptoms.get(at);
    // a weak symptom long before the next one is noise that was already there
    while (at + 1 < symptoms.size()
        && symptoms.get(at).weight() == 1
        && Duration.between(symptoms.get(at).at(), symptoms.get(at + 1).at()).compareTo(LEAD_IN)
            > 0) {
      best = symptoms.get(++at);
    }
    // symptoms that lead into the cluster by a few minutes belong to it
    Candidate first = best;
    for (int i = at - 1; i >= 0; i--) {
      Candidate earlier = symptoms.get(i);
      if (Duration.between(earlier.at(), first.at()).compareTo(LEAD_IN) <= 0) {
        first = earlier;
      } else {
        break;
      }
    }
    onset = first.at();
    onsetBy = first.by();
  }

  /** The rising error and latency series: symptoms. */
  private List<Shift> symptomShifts() {
    return shifts.values().stream()
        .filter(
            shift ->
                (shift.kind() == Shift.Kind.ERRORS || shift.kind() == Shift.Kind.LATENCY)
                    && shift.rising())
        .toList();
  }

  /** The series with points that {@code which} picks, grouped by their query. */
  private Collection<List<Series>> byQuery(Predicate<Series> which) {
    Map<String, List<Series>> groups = new LinkedHashMap<>();
    for (Series series : input.series()) {
      if (series.values().length > 0 && which.test(series)) {
        groups.computeIfAbsent(query(series), q -> new ArrayList<>()).add(series);
      }
    }
    return groups.values();
  }

  /** The query a series came from, or its name: series of one query share a unit. */
  private static String query(Series series) {
    return series.query() == null ? series.name() : series.query();
  }

  /** A new error too rare to mark a start: under three, or under one in five minutes. */
  private static boolean trickle(TemplateRow row, Instant first) {
    if (row.count() < 3) {
      return true;
    }
    Instant last = Times.parse(row.lastTime()).orElse(first);
    long minutes = Math.max(1, Duration.between(first, last).toMinutes());
    return row.count() < 20 && row.count() * 5 < minutes;
  }

  private static final Duration CLUSTER = Duration.ofMinutes(30);
  private static final Duration LEAD_IN = Duration.ofMinutes(5);

  private static boolean urgent(Alert alert) {
    String severity = alert.severity() == null ? "" : alert.severity().toLowerCase(Locale.ROOT);
    return severity.matches("critical|page|high|p1|p2|error|major|disaster|emergency");
  }

  private record Candidate(Instant at, String by, int weight) {}

  // ---- evidence, cause by cause

  private void changes(List<Signal> signals) {
    for (Change change : input.changes()) {
      Duration before = Duration.between(change.at(), onset);
      if (before.compareTo(Duration.ofMinutes(-2)) < 0 || before.compareTo(CHANGE_WINDOW) > 0) {
        continue;
      }
      long minutes = Math.max(0, before.toMinutes());
      double weight = minutes <= 20 ? 0.5 : minutes <= 45 ? 0.4 : minutes <= 90 ? 0.25 : 0.1;
      String where = "";
      boolean campaign = change.kind() == Change.Kind.CAMPAIGN; // sends demand to other services
      if (change.service() != null && !services.isEmpty() && !campaign) {
        if (onAffected(change)) {
          weight = 1 - (1 - weight) * (1 - 0.3);
          where = ", on the affected service";
          Optional<String> alone = failingWithout(change);
          if (alone.isPresent()) {
            weight *= 0.6;
            where += ", while " + alone.get() + " failed at the same time without a change";
          }
          Optional<Change> later = supersededBy(change);
          if (later.isPresent()) {
            discounted.add(change.index());
            weight *= 0.6;
            where +=
                ", in place for "
                    + Times.span(Duration.between(change.at(), later.get().at()))
                    + " without symptoms before another change, just before the onset";
          }
        } else if (showsEffect(change)) {
          weight = 1 - (1 - weight) * (1 - 0.3);
          where = ", on " + change.service() + ", whose own metrics or errors changed after it";
        } else {
          weight *= OFF_PATH;
          offPath.add(change.index());
          where = ", on " + change.service() + NO_SYMPTOM;
        }
      }
      String title =
          change.kind().noun()
              + (change.service() == null ? "" : (campaign ? " by " : " of ") + change.service())
              + " "
              + Times.span(before)
              + " before the onset: "
              + clip(change.description(), 140);
      Support support =
          new Support(
              "change", text(change.at()), change.description() + where, change.index(), weight);
      add(change.kind().cause, title, support);
      if (minutes <= 60) {
        signals.add(
            new Signal(
                "incident.change-before-onset",
                Severity.MEDIUM,
                "Change " + Times.span(before) + " before the onset",
                change.description() + where,
                support));
      }
      // errors that first appear after the change and look like the application's own
      if (logs != null && !campaign) {
        appError(change.at(), onset.plus(Duration.ofMinutes(30)), true)
            .ifPresent(
                row ->
                    add(
                        change.kind().cause,
                        title,
                        new Support(
                            "log",
                            row.firstTime(),
                            AFTER_THE_CHANGE + clip(row.example(), 200),
                            "logs:" + row.firstLine(),
                            change.kind() == Change.Kind.CONFIG ? 0.15 : 0.3)));
      }
    }
  }

  /**
   * Whether what a change was made on (a pooler, a proxy, a database that no alert names) shows it
   * taking effect: a series of its own shifting, or a new error naming it, from the change to ten
   * minutes after the onset. Changes count up to two minutes after the estimated onset, as
   * elsewhere, so a mitigation made within those two minutes can be taken for a cause (a known
   * limitation: excluding changes after the onset dropped an unseen holdout scenario whose onset
   * was estimated a little early).
   */
  private boolean showsEffect(Change change) {
    Instant latest =
        latestEffect.computeIfAbsent(change.service().toLowerCase(Locale.ROOT), this::latestEffect);
    return latest != Instant.MIN && !latest.isBefore(change.at());
  }

  private final Map<String, Instant> latestEffect = new HashMap<>();

  /** The latest sign of a component's own, up to ten minutes after the onset, or Instant.MIN. */
  private Instant latestEffect(String component) {
    Instant latest = Instant.MIN;
    if (component.length() < 4) {
      return latest;
    }
    Instant to = onset.plus(Duration.ofMinutes(10));
    for (Shift shift : shifts.values()) {
      String owner = shift.series().owner();
      if (owner != null
          && names(owner.toLowerCase(Locale.ROOT), component)
          && !shift.from().isAfter(to)
          && shift.from().isAfter(latest)) {
        latest = shift.from();
      }
    }
    for (ErrorTemplate template : errorTemplates()) {
      if (!template.first().isAfter(to)
          && template.first().isAfter(latest)
          && names(template.example(), component)) {
        latest = template.first();
      }
    }
    return latest;
  }

  /**
   * Another affected service whose errors name a failing mechanism (a dependency, DNS, a
   * certificate) from the onset on, without naming the changed service, and on which nothing
   * changed: what they share failed, which one service's change does not explain.
   */
  private Optional<String> failingWithout(Change change) {
    if (logs == null || services.size() < 2 || !matchesAffected(change.service())) {
      return Optional.empty();
    }
    return failingWithout.computeIfAbsent(
        change.service().toLowerCase(Locale.ROOT), this::failingWithout);
  }

  private final Map<String, Optional<String>> failingWithout = new HashMap<>();

  private List<String> unchangedServices;

  /** The affected services that no change was made on. */
  private List<String> unchangedServices() {
    if (unchangedServices == null) {
      Set<String> changed = new HashSet<>();
      for (Change change : input.changes()) {
        if (change.service() != null) {
          changed.add(change.service().toLowerCase(Locale.ROOT));
        }
      }
      unchangedServices =
          services.stream()
              .filter(
                  service -> {
                    String name = service.toLowerCase(Locale.ROOT);
                    return changed.stream().noneMatch(c -> name.contains(c) || c.contains(name));
                  })
              .toList();
    }
    return unchangedServices;
  }

  private Optional<String> failingWithout(String changed) {
    for (String service : unchangedServices()) {
      String other = service.toLowerCase(Locale.ROOT);
      for (ErrorTemplate template : errorTemplates()) {
        if (within(
                template.first(),
                onset.minus(Duration.ofMinutes(5)),
                onset.plus(Duration.ofMinutes(10)))
            && names(template.example(), other)
            && !names(template.example(), changed)
            && template
                .mechanism()
                .filter(
                    cause ->
                        cause == Cause.DEPENDENCY_OUTAGE
                            || cause == Cause.DNS_FAILURE
                            || cause == Cause.CERTIFICATE_EXPIRY)
                .isPresent()) {
          return Optional.of(service);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A later change on an affected service right before the onset (within five minutes), made two
   * minutes or more after this one: this one was in place without symptoms, the later one explains
   * the timing.
   */
  private Optional<Change> supersededBy(Change change) {
    if (justBefore == null) {
      justBefore =
          input.changes().stream()
              .filter(
                  later ->
                      justBefore(later.at())
                          && later.kind() != Change.Kind.CAMPAIGN
                          && later.service() != null
                          && onAffected(later))
              .toList(); // in time order, as the input's changes are
    }
    Instant after = change.at().plus(Duration.ofMinutes(2));
    int low = 0;
    int high = justBefore.size();
    while (low < high) { // the first made more than two minutes after this one
      int mid = (low + high) >>> 1;
      if (justBefore.get(mid).at().isAfter(after)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low < justBefore.size() ? Optional.of(justBefore.get(low)) : Optional.empty();
  }

  /** The changes on affected services in the five minutes before the onset. */
  private List<Change> justBefore;

  private final Map<String, Pattern> wordPatterns = new HashMap<>();

  /**
   * A log template with an error, read once: its first time, lower-case example, the mechanism it
   * names, and whether it looks like the application's own error.
   */
  private record ErrorTemplate(
      TemplateRow row,
      Instant first,
      String example,
      Optional<Cause> mechanism,
      boolean application) {}

  private List<ErrorTemplate> errorTemplates;

  /** The log's error templates that have a time, with their lower-case example and mechanism. */
  private List<ErrorTemplate> errorTemplates() {
    if (errorTemplates == null) {
      List<ErrorTemplate> found = new ArrayList<>();
      if (logs != null) {
        for (TemplateRow row : logs.templates()) {
          Instant first = Times.parse(row.firstTime()).orElse(null);
          if (first != null && isError(row)) {
            String words = words(row);
            found.add(
                new ErrorTemplate(
                    row,
                    first,
                    row.example().toLowerCase(Locale.ROOT),
                    Signatures.inError(words),
                    APP_ERROR.matcher(words).find()));
          }
        }
      }
      errorTemplates = List.copyOf(found);
    }
    return errorTemplates;
  }

  /** Whether a lower-case text names something as a word: {@code auth}, not in {@code oauth}. */
  private boolean names(String text, String name) {
    return wordPatterns
        .computeIfAbsent(
            name, k -> Pattern.compile("(?<![a-z0-9])" + Pattern.quote(k) + "(?![a-z0-9])"))
        .matcher(text)
        .find();
  }

  private void logSignals(List<Signal> signals) {
    if (logs == null) {
      return;
    }
    int newErrors = 0;
    for (TemplateRow row : logs.templates()) {
      String words = words(row);
      Instant first = Times.parse(row.firstTime()).orElse(null);
      boolean fresh = appeared(first) && first.isAfter(onset.minus(Duration.ofMinutes(30)));
      boolean bursting = row.signals().contains("burst");
      boolean before =
          first != null && first.isBefore(onset.minus(Duration.ofMinutes(30))) && !bursting;
      Optional<Cause> mechanism = Signatures.inError(words);
      if (isError(row) && fresh && newErrors < 5) {
        newErrors++;
        signals.add(
            new Signal(
                "incident.new-error",
                Severity.MEDIUM,
                "New error " + (first == null ? "" : "from " + row.firstTime()),
                row.count() + " × " + clip(row.template(), 200),
                new Support(
                    "log",
                    row.firstTime(),
                    clip(row.example(), 300),
                    "logs:" + row.firstLine(),
                    0)));
      }
      if (mechanism.isPresent() && (isError(row) || mechanism.get() == Cause.NOISY_NEIGHBOUR)) {
        double weight = fresh || bursting ? 0.55 : before ? 0.12 : first == null ? 0.35 : 0.3;
        String peer = Signatures.peer(row.example()).orElse(null);
        if (peer != null && (peer.contains(".") || peer.contains(":"))) { // a host, not a word
          peers
              .computeIfAbsent(mechanism.get(), c -> new HashSet<>())
              .add(PORT.matcher(peer.toLowerCase(Locale.ROOT)).replaceFirst(""));
        }
        if (mechanism.get() == Cause.DEPENDENCY_OUTAGE) {
          weight *= 0.8; // timeouts and refusals are what every failure looks like from above
          if (peer != null && matchesAffected(peer)) {
            weight *= 0.5; // the peer is one of the services alerting: look inside it
          }
        }
        if (mechanism.get() == Cause.TRAFFIC_SURGE) {
          weight *= 0.5;
        }
        add(
            mechanism.get(),
            mechanismTitle(mechanism.get(), peer, row.example()),
            new Support(
                "log",
                row.firstTime(),
                row.count() + " × " + clip(row.example(), 240),
                "logs:" + row.firstLine(),
                weight));
      }
      if (fresh && first != null && !first.isAfter(onset.plus(Duration.ofMinutes(2)))) {
        if (STARTUP.matcher(words).find() && !isError(row)) {
          double weight = mentionsAffected(words) || services.isEmpty() ? 0.35 : 0.12;
          seenInLog(
              Cause.BAD_DEPLOY,
              "A new version started",
              "new version starting: ",
              row,
              first,
              weight);
        } else if (FLAG_FLIP.matcher(words).find() && !isError(row)) {
          seenInLog(Cause.FEATURE_FLAG, "A feature flag changed", "", row, first, 0.35);
        }
      }
    }
  }

  /**
   * A change seen only in the log (a new version starting, a flag flipped) shortly before the
   * onset, and the application's errors that follow it.
   */
  private void seenInLog(
      Cause cause, String what, String prefix, TemplateRow row, Instant first, double weight) {
    String text = words(row).toLowerCase(Locale.ROOT);
    boolean listed =
        input.changes().stream()
            .anyMatch(
                change ->
                    change.kind().cause == cause
                        && within(
                            first,
                            change.at().minus(Duration.ofMinutes(10)),
                            change.at().plus(Duration.ofMinutes(10)))
                        && (change.service() == null
                            || names(text, change.service().toLowerCase(Locale.ROOT))));
    if (listed) {
      weight *= 0.3; // the log shows a listed change taking place: the same evidence, not more
    }
    add(
        cause,
        what
            + " "
            + Times.span(Duration.between(first, onset))
            + " before the onset (seen in the log): "
            + clip(row.example(), 120),
        new Support(
            "log",
            row.firstTime(),
            prefix + clip(row.example(), 200),
            "logs:" + row.firstLine(),
            weight));
    appErrorsAfter(cause, first);
  }

  /** Application errors (not infrastructure ones) that appear after {@code from}. */
  private void appErrorsAfter(Cause cause, Instant from) {
    appError(from, null, false)
        .ifPresent(
            row ->
                add(
                    cause,
                    null,
                    new Support(
                        "log",
                        row.firstTime(),
                        "new error after it: " + clip(row.example(), 200),
                        "logs:" + row.firstLine(),
                        0.25)));
  }

  /**
   * The first template (in rank order) of the application's own errors, not an infrastructure
   * mechanism's, first seen from {@code from} and before {@code until} (when given); with {@code
   * appearedInLog}, only one that was not there when the log began.
   */
  private Optional<TemplateRow> appError(Instant from, Instant until, boolean appearedInLog) {
    for (ErrorTemplate template : errorTemplates()) {
      Instant first = template.first();
      if (!first.isBefore(from)
          && (until == null || first.isBefore(until))
          && (!appearedInLog || appeared(first))
          && template.application()
          && template.mechanism().isEmpty()) {
        return Optional.of(template.row());
      }
    }
    return Optional.empty();
  }

  private void alertSignals() {
    Set<String> seen = new LinkedHashSet<>();
    for (Alert alert : input.alerts()) {
      if (!seen.add(alert.name()) || alert.at().isAfter(onset.plus(Duration.ofHours(2)))) {
        continue;
      }
      Signatures.inAlert(alert.text())
          .ifPresent(
              cause -> {
                // a service down is a dependency's outage for its callers; alone, it is the symptom
                boolean alone =
                    cause == Cause.DEPENDENCY_OUTAGE
                        && alert.service() != null
                        && services.stream().allMatch(s -> s.equalsIgnoreCase(alert.service()));
                add(
                    cause,
                    mechanismTitle(cause, alert.service(), alert.text()),
                    new Support(
                        "alert",
                        text(alert.at()),
                        clip(alert.text(), 240),
                        alert.index(),
                        alone ? 0.15 : 0.3));
              });
    }
  }

  private void metricSignals(List<Signal> signals) {
    Shift surge = null;
    for (Shift shift : shifts.values()) {
      boolean timely =
          !shift.from().isBefore(onset.minus(Duration.ofMinutes(90)))
              && !shift.from().isAfter(onset.plus(Duration.ofMinutes(10)));
      double timing = timely ? 1 : 0.3;
      String owner = shift.series().owner();
      String what =
          shift.series().label()
              + " went from "
              + Numbers.plain(shift.before(), 3)
              + " to "
              + Numbers.plain(shift.after(), 3)
              + (shift.peak() != shift.after()
                  ? " (peak " + Numbers.plain(shift.peak(), 3) + ")"
                  : "")
              + " from "
              + text(shift.from());
      Support support = new Support("metric", text(shift.from()), what, shift.series().label(), 0);
      if (newVersion(shift) && timely) {
        add(
            Cause.BAD_DEPLOY,
            "A new version ("
                + shift.series().label()
                + ") appeared "
                + Times.span(Duration.between(shift.from(), onset))
                + " from the onset",
            weighted(support, 0.35));
        if (logs != null) {
          appErrorsAfter(Cause.BAD_DEPLOY, shift.from().minus(Duration.ofMinutes(2)));
        }
      }
      if (!shift.rising()
          && timely
          && shift.after() <= shift.before() / 2
          && Limits.isCeiling(shift.series())) {
        add(Cause.CONFIG_CHANGE, "A limit lowered: " + what, weighted(support, 0.45));
      }
      switch (shift.kind()) {
        case DNS -> {
          if (shift.rising()) {
            add(
                Cause.DNS_FAILURE,
                mechanismTitle(Cause.DNS_FAILURE, owner, what),
                weighted(support, 0.45 * timing));
          }
        }
        case AVAILABILITY -> {
          if (!shift.rising() && shift.after() <= shift.before() * 0.5 && timely) {
            // targets stopped answering: for those that call them, a dependency is out
            String target =
                shift.series().labels().getOrDefault("instance", "")
                    + " "
                    + shift.series().labels().getOrDefault("target", "");
            // only services in trouble that are not the target make it their dependency
            boolean callers =
                !mentionsAffected(target)
                    && services.stream().anyMatch(s -> owner == null || !same(s, owner));
            add(
                Cause.DEPENDENCY_OUTAGE,
                (owner == null ? "Targets" : owner) + " stopped answering (" + what + ")",
                weighted(support, callers ? 0.45 : 0.2));
          }
        }
        case STEAL -> {
          if (shift.rising()) {
            add(
                Cause.NOISY_NEIGHBOUR,
                "Another workload taking the CPU of "
                    + (owner == null ? "the host" : owner)
                    + " (steal time up)",
                weighted(support, 0.6 * timing));
          }
        }
        case CPU, MEMORY, DISK, CONNECTIONS -> {
          if (!shift.rising() || !(shift.saturated() || shift.factor() >= 1.5)) {
            break;
          }
          double weight = (shift.saturated() ? 0.5 : 0.25) * timing;
          boolean someoneElse = owner != null && !services.isEmpty() && !ours(owner);
          if (someoneElse) {
            add(
                Cause.NOISY_NEIGHBOUR,
                "Another workload ("
                    + owner
                    + ") taking a shared resource ("
                    + shift.kind().noun()
                    + ")",
                weighted(support, weight));
          } else {
            if (owner == null) {
              hostLoads.add(new HostLoad(shift.kind(), weighted(support, weight)));
            }
            add(
                Cause.RESOURCE_SATURATION,
                shift.kind().noun().toUpperCase(Locale.ROOT).charAt(0)
                    + shift.kind().noun().substring(1)
                    + (shift.saturated()
                        ? " saturated"
                        : shift.before() > 0
                            ? " use up " + Numbers.plain(shift.factor(), 2) + "x"
                            : " use up from nothing")
                    + (owner == null ? "" : " on " + owner),
                weighted(support, weight));
          }
          if (shift.saturated()) {
            signals.add(
                new Signal(
                    "incident.saturation",
                    Severity.HIGH,
                    shift.kind().noun() + " saturated" + (owner == null ? "" : " on " + owner),
                    what,
                    support));
          }
        }
        case RESTARTS -> {
          if (shift.rising()) {
            add(
                Cause.RESOURCE_SATURATION,
                "Containers restarting" + (owner == null ? "" : " on " + owner),
                weighted(support, 0.2 * timing));
          }
        }
        case TRAFFIC -> {
          if (shift.rising() && shift.before() > 0 && shift.factor() >= 1.8) {
            double weight = (shift.factor() >= 3 ? 0.65 : 0.5) * timing;
            add(
                Cause.TRAFFIC_SURGE,
                "Traffic rose " + Numbers.plain(shift.factor(), 2) + "x from " + text(shift.from()),
                weighted(support, weight));
            if (surge == null && timely) {
              surge = shift;
              surgeFrom = shift.from();
            }
          }
        }
        case ERRORS, LATENCY -> {
          if (shift.rising()) {
            signals.add(
                new Signal(
                    "incident.symptom",
                    Severity.MEDIUM,
                    shift.series().label() + " rose",
                    what,
                    support));
          }
        }
        default -> {}
      }
    }
    for (Expiry expiry : expiries) {
      add(
          Cause.CERTIFICATE_EXPIRY,
          "An expired TLS certificate (" + expiry.series().label() + ")",
          new Support(
              "metric",
              text(expiry.at()),
              expiry.series().label() + " says the certificate expired at " + text(expiry.at()),
              expiry.series().label(),
              0.7));
    }
    limitsReached();
    if (neighbours() && causes.containsKey(Cause.RESOURCE_SATURATION)) {
      // a shared resource taken by another workload: the saturation is how it shows
      causes.get(Cause.RESOURCE_SATURATION).scale(0.6);
    }
    if (surge != null && causes.containsKey(Cause.RESOURCE_SATURATION)) {
      // more traffic than capacity: the surge is the cause, the saturation how it shows
      causes.get(Cause.RESOURCE_SATURATION).scale(0.6);
    }
  }

  /**
   * One query's series split by workload (a node's pods, a database's clients) in which a workload
   * that is not ours takes most of a resource, or arrives at the onset, while ours are there too: a
   * noisy neighbour. The hosts' loads that rose meanwhile count for it.
   *
   * @return whether one was found
   */
  private boolean neighbours() {
    boolean found = false;
    for (List<Series> group :
        byQuery(series -> Shift.Kind.of(series).resource() && series.owner() != null)) {
      if (group.size() < 2) {
        continue;
      }
      // the largest workload that is not ours against the largest of ours: several pods of one
      // batch job taking a node each are one neighbour, not rivals of each other
      List<Series> byLevel =
          group.stream()
              .sorted(Comparator.comparingDouble(this::levelNearOnset).reversed())
              .toList();
      Series top = byLevel.getFirst();
      double level = levelNearOnset(top);
      double next =
          byLevel.stream()
              .filter(series -> series != top && ours(series.owner()))
              .mapToDouble(this::levelNearOnset)
              .findFirst()
              .orElse(0);
      double total = byLevel.stream().mapToDouble(this::levelNearOnset).sum();
      double theirs =
          byLevel.stream()
              .filter(series -> !ours(series.owner()))
              .mapToDouble(this::levelNearOnset)
              .sum();
      if (level > 0 && level >= 3 * next && theirs >= 0.6 * total && neighbour(top, group)) {
        found = true;
        arrival(top, group).ifPresent(shift -> arrivedAt(shift.from()));
        add(
            Cause.NOISY_NEIGHBOUR,
            "Another workload ("
                + top.owner()
                + ") taking most of a shared resource ("
                + Shift.Kind.of(top).noun()
                + ")",
            new Support(
                "metric",
                text(onset),
                top.label()
                    + " at "
                    + Numbers.plain(level, 3)
                    + " near the onset, "
                    + (next == 0
                        ? "while ours are at 0"
                        : Numbers.plain(level / next, 2) + "x the next"),
                top.label(),
                0.5));
        continue;
      }
      // a workload that was not there before arriving at the onset, beside ours
      for (Series series : group) {
        Optional<Shift> shift = arrival(series, group);
        if (shift.isPresent() && neighbour(series, group)) {
          found = true;
          arrivedAt(shift.get().from());
          add(
              Cause.NOISY_NEIGHBOUR,
              "A workload that is not ours ("
                  + series.owner()
                  + ") arrived on a shared resource ("
                  + Shift.Kind.of(series).noun()
                  + ") at the onset",
              new Support(
                  "metric",
                  text(shift.get().from()),
                  series.label()
                      + " went from "
                      + Numbers.plain(shift.get().before(), 3)
                      + " to "
                      + Numbers.plain(shift.get().after(), 3)
                      + " from "
                      + text(shift.get().from()),
                  series.label(),
                  0.45));
          break;
        }
      }
    }
    if (found) {
      for (HostLoad load : hostLoads) {
        add(
            Cause.NOISY_NEIGHBOUR,
            null,
            new Support(
                "metric",
                load.support().time(),
                "the shared "
                    + load.kind().noun()
                    + " ran high meanwhile: "
                    + load.support().text(),
                load.support().ref(),
                load.support().weight()));
      }
    }
    return found;
  }

  /**
   * Error series that begin well after the others of their query, at three times or more what those
   * ran at (the new pods of a rollout failing from their start): symptoms from their first point. A
   * late latency series is not: a new pod is slower or faster for many reasons.
   */
  private void newcomerSymptoms() {
    for (List<Series> group : byQuery(series -> true)) {
      // what the series there from the start ran at: a newcomer well above it is failing
      double peers =
          group.stream()
              .filter(series -> newcomer(series, group).isEmpty())
              .mapToDouble(series -> Shift.median(series.values()))
              .max()
              .orElse(0);
      for (Series series : group) {
        if (Shift.Kind.of(series) == Shift.Kind.ERRORS && !shifts.containsKey(series)) {
          newcomer(series, group)
              .filter(shift -> shift.after() > 0 && shift.after() >= 3 * peers)
              .ifPresent(shift -> shifts.put(series, shift));
        }
      }
    }
  }

  /**
   * How a series' workload arrived at the onset, from next to nothing: as a newcomer to its query,
   * or by its own shift; the first of the two that began from 15 minutes before the onset to 5
   * after.
   */
  private Optional<Shift> arrival(Series series, List<Series> group) {
    return Stream.of(newcomer(series, group), Optional.ofNullable(shifts.get(series)))
        .flatMap(Optional::stream)
        .filter(
            shift ->
                shift.rising()
                    && shift.before() <= 0.05 * shift.after()
                    && within(
                        shift.from(),
                        onset.minus(Duration.ofMinutes(15)),
                        onset.plus(Duration.ofMinutes(5))))
        .findFirst();
  }

  private void arrivedAt(Instant at) {
    if (arrived == null || at.isBefore(arrived)) {
      arrived = at;
    }
  }

  /** The first point of each group's earliest series. */
  private final Map<List<Series>, Long> groupStart = new IdentityHashMap<>();

  /**
   * A series that begins well after the others of its query (a batch job's pod, a new client): as a
   * shift from nothing to its level since it began.
   */
  private Optional<Shift> newcomer(Series series, List<Series> group) {
    long start =
        groupStart.computeIfAbsent(
            group, g -> g.stream().mapToLong(other -> other.seconds()[0]).min().orElseThrow());
    long first = series.seconds()[0];
    if (first - start < 600) {
      return Optional.empty();
    }
    return Optional.of(
        new Shift(
            series,
            Shift.Kind.of(series),
            Instant.ofEpochSecond(first),
            0,
            Shift.median(series.values()),
            Arrays.stream(series.values()).max().orElse(0),
            false));
  }

  /** Whether a series' workload is not ours while some other of its group is. */
  private boolean neighbour(Series series, List<Series> group) {
    return !ours(series.owner())
        && group.stream().anyMatch(other -> other != series && ours(other.owner()));
  }

  /** A usage series reaching its paired limit: saturation, whether or not its level shifted. */
  private void limitsReached() {
    for (Limits.Reached reached :
        Limits.reached(
            input.series(),
            onset.minus(Duration.ofMinutes(30)),
            onset.plus(Duration.ofMinutes(30)))) {
      add(
          Cause.RESOURCE_SATURATION,
          reached.used().label() + " reached its limit (" + reached.limitName() + ")",
          new Support(
              "metric",
              text(reached.at()),
              reached.used().label()
                  + " reached "
                  + reached.limit().label()
                  + " at "
                  + text(reached.at()),
              reached.used().label(),
              0.55));
    }
  }

  /** A series' mean from 15 minutes before the onset to 30 minutes after, else its mean. */
  private double levelNearOnset(Series series) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < series.values().length; i++) {
      Instant at = Instant.ofEpochSecond(series.seconds()[i]);
      if (within(at, onset.minus(Duration.ofMinutes(15)), onset.plus(Duration.ofMinutes(30)))) {
        sum += series.values()[i];
        n++;
      }
    }
    if (n == 0) {
      return Arrays.stream(series.values()).average().orElse(0);
    }
    return sum / n;
  }

  /**
   * Whether a workload is one of those in trouble: an affected service, or a name whose words (not
   * its pod hash) the alerts use, as {@code invoice-api-7d8c9-4kq2n} is named by an alert on {@code
   * be_invoice/invoice-1}.
   */
  private boolean ours(String workload) {
    if (workload == null) {
      return false;
    }
    if (matchesAffected(workload)) {
      return true;
    }
    for (String word : workload.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.length() >= 4
          && word.chars().noneMatch(Character::isDigit)
          && alertWords().contains(word)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> alertWords;

  private Set<String> alertWords() {
    if (alertWords == null) {
      alertWords = new HashSet<>();
      for (Alert alert : input.alerts()) {
        String all = alert.text() + " " + String.join(" ", alert.labels().values());
        for (String word : all.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
          if (word.length() >= 4) {
            alertWords.add(word);
          }
        }
      }
    }
    return alertWords;
  }

  private static boolean same(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /**
   * A change made minutes before something else that explains the onset's timing (a workload that
   * is not ours arriving on a shared resource, traffic rising) was in place without symptoms: it
   * counts less. A change within five minutes of it may have sent it, and keeps its weight.
   */
  private void supersededByTriggers() {
    Instant trigger =
        Stream.of(arrived, surgeFrom)
            .filter(Objects::nonNull)
            .filter(
                at ->
                    within(
                        at, onset.minus(Duration.ofMinutes(5)), onset.plus(Duration.ofMinutes(5))))
            .min(Comparator.naturalOrder())
            .orElse(null);
    if (trigger == null) {
      return;
    }
    String what = trigger.equals(arrived) ? "a workload that is not ours arrived" : "traffic rose";
    Set<Cause> involved = EnumSet.noneOf(Cause.class);
    for (Change change : input.changes()) {
      Duration ahead = Duration.between(change.at(), trigger);
      CauseEvidence evidence = causes.get(change.kind().cause);
      if (evidence != null
          && change != linked
          && change.kind() != Change.Kind.CAMPAIGN
          && ahead.compareTo(Duration.ofMinutes(5)) >= 0
          && ahead.compareTo(CHANGE_WINDOW) <= 0
          && discounted.add(change.index())) { // not counted down twice
        evidence.reweigh(
            support -> support.ref().equals(change.index()),
            0.6,
            ", in place " + Times.span(ahead) + " without symptoms before " + what);
        involved.add(change.kind().cause);
      }
    }
    // errors new after a change but also after the trigger point at the trigger, once each
    for (Cause cause : involved) {
      causes
          .get(cause)
          .reweigh(
              support ->
                  support.kind().equals("log")
                      && support.text().startsWith(AFTER_THE_CHANGE)
                      && Times.parse(support.time())
                          .filter(at -> !at.isBefore(trigger))
                          .isPresent(),
              0.6,
              ", after " + what + " too");
    }
  }

  /**
   * A change that touches what a mechanism depends on (a DNS record, a pool size, a certificate)
   * shortly before the mechanism fails is the likelier root cause: it takes the mechanism's
   * evidence, and the mechanism is ranked below it.
   */
  private void linkChangesToMechanisms() {
    for (Change change : input.changes()) {
      Duration before = Duration.between(change.at(), onset);
      if (before.isNegative() && before.compareTo(Duration.ofMinutes(-2)) < 0
          || before.compareTo(Duration.ofMinutes(90)) > 0) {
        continue;
      }
      for (Cause mechanism :
          List.of(
              Cause.DNS_FAILURE,
              Cause.CERTIFICATE_EXPIRY,
              Cause.RESOURCE_SATURATION,
              Cause.DEPENDENCY_OUTAGE,
              Cause.TRAFFIC_SURGE)) {
        CauseEvidence found = causes.get(mechanism);
        if (found == null
            || mechanism == change.kind().cause
            || found.confidence() < 0.3
            || !(Signatures.changeTouches(mechanism, change.description())
                || mechanism == Cause.TRAFFIC_SURGE && sentTheSurge(change))
            || !reaches(change, mechanism)) {
          continue;
        }
        CauseEvidence changed = causes.get(change.kind().cause);
        if (changed == null) {
          continue;
        }
        if (offPath.remove(change.index())) {
          // what it was made on shows no symptom, but it touches what failed: it is on the path
          changed.reweigh(
              support -> support.ref().equals(change.index()),
              1 / OFF_PATH,
              ", but it touches what failed");
        }
        changed.add(
            new Support(
                "change",
                text(change.at()),
                "it touches what failed ("
                    + mechanism.id()
                    + "): "
                    + clip(change.description(), 160),
                change.index(),
                0.45));
        found.scale(0.6);
        found.causedBy(clip(change.description(), 80));
        if (justBefore(change.at()) && (linked == null || change.at().isAfter(linked.at()))) {
          linked = change;
        }
      }
    }
    if (linked != null) {
      supersededByLinked(linked);
    }
  }

  /**
   * Changes on affected services made two minutes or more before a change that touches what failed
   * and came just before the onset were in place without symptoms: they count less.
   */
  private void supersededByLinked(Change linked) {
    for (Change change : input.changes()) {
      CauseEvidence evidence = causes.get(change.kind().cause);
      if (evidence != null
          && change != linked
          && change.kind() != Change.Kind.CAMPAIGN
          && change.at().isBefore(linked.at().minus(Duration.ofMinutes(2)))
          && change.service() != null
          && onAffected(change)
          && discounted.add(change.index())) { // not counted down twice
        evidence.reweigh(
            support -> support.ref().equals(change.index()),
            0.6,
            ", in place "
                + Times.span(Duration.between(change.at(), linked.at()))
                + " without symptoms before a change that touches what failed");
      }
    }
  }

  /**
   * Whether a change could have caused a certificate or name resolution to fail: it is on an
   * affected service, or what it was made on shows it taking effect, or its text names a host the
   * failing errors name ({@code ledger.internal}, or its first label). A certificate renewed for
   * another host did not expire this one. Without a named host in the errors, any change that
   * touches the mechanism may have.
   */
  private boolean reaches(Change change, Cause mechanism) {
    if (mechanism != Cause.CERTIFICATE_EXPIRY && mechanism != Cause.DNS_FAILURE) {
      return true; // a pool, a route, a firewall: named by other names than the errors' hosts
    }
    Set<String> named = peers.getOrDefault(mechanism, Set.of());
    if (named.isEmpty() || change.service() == null || onAffected(change) || showsEffect(change)) {
      return true;
    }
    String text = change.description().toLowerCase(Locale.ROOT);
    for (String host : named) {
      String first = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
      if (names(text, host) || first.length() >= 4 && names(text, first)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern PORT = Pattern.compile(":\\d+$");

  /** The hosts the errors of each mechanism name as their peer, without their port. */
  private final Map<Cause, Set<String>> peers = new EnumMap<>(Cause.class);

  /**
   * Whether a change on an affected service sent the surge: the traffic rose within five minutes of
   * it, as when a flag routes requests to a service that never had them.
   */
  private boolean sentTheSurge(Change change) {
    return surgeFrom != null
        && !surgeFrom.isBefore(change.at().minus(Duration.ofMinutes(1)))
        && surgeFrom.isBefore(change.at().plus(Duration.ofMinutes(5)))
        && change.service() != null
        && onAffected(change);
  }

  // ---- ranking

  private void add(Cause cause, String title, Support support) {
    causes.computeIfAbsent(cause, c -> new CauseEvidence(c)).offer(title, support);
  }

  private static Support weighted(Support support, double weight) {
    return new Support(support.kind(), support.time(), support.text(), support.ref(), weight);
  }

  private List<Hypothesis> rank() {
    Map<CauseEvidence, Double> confidence = new LinkedHashMap<>();
    causes.values().forEach(b -> confidence.put(b, b.confidence()));
    List<CauseEvidence> builders =
        confidence.keySet().stream()
            .filter(b -> confidence.get(b) >= 0.05)
            .sorted(Comparator.comparingDouble(confidence::get).reversed())
            .toList();
    List<Hypothesis> ranked = new ArrayList<>();
    for (CauseEvidence builder : builders) {
      ranked.add(builder.build(ranked.size() + 1));
    }
    return ranked;
  }

  private String abstention(List<Hypothesis> ranked) {
    if (onset == null) {
      return "no symptom was found in the inputs (no alert, no rising error or latency series,"
          + " no rise of errors in the log), so there is no onset to correlate with";
    }
    if (ranked.isEmpty()) {
      return "nothing in the inputs points at a cause: no change before the onset, no error that"
          + " names a mechanism (a certificate, DNS, a resource, a dependency), no saturation or"
          + " surge in the metrics";
    }
    Hypothesis best = ranked.getFirst();
    return "the strongest hypothesis, "
        + best.cause()
        + ", has a confidence of only "
        + Numbers.plain(best.confidence(), 2)
        + " (at least "
        + ABSTAIN_BELOW
        + " is needed to name a cause); gather more evidence: deploys and config changes of the"
        + " affected services, their dependencies' errors, and saturation metrics";
  }

  // ---- the timeline

  private List<TimelineEntry> timeline() {
    List<TimelineEntry> entries = new ArrayList<>();
    for (Change change : input.changes()) {
      entries.add(
          new TimelineEntry(
              text(change.at()),
              "change",
              change.service(),
              clip(change.description(), 240),
              change.index()));
    }
    Set<String> firing = new LinkedHashSet<>();
    for (Alert alert : input.alerts()) {
      if (firing.add(alert.name() + "\0" + alert.service())) {
        entries.add(
            new TimelineEntry(
                text(alert.at()),
                "alert",
                alert.service(),
                clip(alert.text(), 240),
                alert.index()));
      }
      if (alert.resolvedAt() != null) {
        entries.add(
            new TimelineEntry(
                text(alert.resolvedAt()),
                "resolved",
                alert.service(),
                "resolved: " + alert.name(),
                alert.index()));
      }
    }
    if (logs != null) {
      for (TemplateRow row : logs.templates()) {
        Instant first = Times.parse(row.firstTime()).orElse(null);
        if (first != null && isError(row) && appeared(first)) {
          entries.add(
              new TimelineEntry(
                  row.firstTime(),
                  "log",
                  null,
                  "first " + clip(row.template(), 200) + " (" + row.count() + " in all)",
                  "logs:" + row.firstLine()));
        }
      }
      if (logs.errorRateChange() != null) {
        LogsDetails.RateChange change = logs.errorRateChange();
        entries.add(
            new TimelineEntry(
                change.at(),
                "log",
                null,
                "error rate up "
                    + Numbers.plain(change.factor(), 2)
                    + "x ("
                    + Numbers.plain(change.before(), 2)
                    + " to "
                    + Numbers.plain(change.after(), 2)
                    + " per "
                    + change.bucket()
                    + ")",
                "logs"));
      }
    }
    for (Shift shift : shifts.values()) {
      entries.add(
          new TimelineEntry(
              text(shift.from()),
              "metric",
              shift.series().owner(),
              shift.series().label()
                  + (shift.rising() ? " up" : " down")
                  + " from "
                  + Numbers.plain(shift.before(), 3)
                  + " to "
                  + Numbers.plain(shift.after(), 3)
                  + (shift.saturated() ? " (saturated)" : ""),
              shift.series().label()));
    }
    for (Expiry expiry : expiries) {
      entries.add(
          new TimelineEntry(
              text(expiry.at()),
              "metric",
              expiry.series().owner(),
              "certificate expired: " + expiry.series().label(),
              expiry.series().label()));
    }
    if (onset != null) {
      entries.add(new TimelineEntry(text(onset), "onset", null, "onset: " + onsetBy, null));
    }
    entries.removeIf(e -> e.time() == null);
    entries.sort(Comparator.comparing(e -> Times.parse(e.time()).orElse(Instant.EPOCH)));
    return entries;
  }

  /** At most {@link #TIMELINE_LIMIT} entries: those nearest the onset, in time order. */
  private List<TimelineEntry> limit(List<TimelineEntry> timeline) {
    if (timeline.size() <= TIMELINE_LIMIT) {
      return timeline;
    }
    Instant centre = onset == null ? Times.parse(timeline.getFirst().time()).orElseThrow() : onset;
    return timeline.stream()
        .sorted(
            Comparator.comparing(
                e -> Duration.between(centre, Times.parse(e.time()).orElseThrow()).abs()))
        .limit(TIMELINE_LIMIT)
        .sorted(Comparator.comparing(e -> Times.parse(e.time()).orElseThrow()))
        .toList();
  }

  private String resolvedAt() {
    Instant last = null;
    for (Alert alert : input.alerts()) {
      if (alert.resolvedAt() == null) {
        return null;
      }
      if (last == null || alert.resolvedAt().isAfter(last)) {
        last = alert.resolvedAt();
      }
    }
    return text(last);
  }

  // ---- small helpers

  /**
   * Whether a text names an affected service, or its stem: {@code public-api} for {@code
   * public-api-gateway}, {@code orders} for {@code orders-service}.
   */
  private boolean mentionsAffected(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String service : services) {
      String name = service.toLowerCase(Locale.ROOT);
      String stem = SERVICE_SUFFIX.matcher(name).replaceFirst("");
      if (lower.contains(name)
          || stem.length() >= 4
              && stems
                  .computeIfAbsent(stem, k -> Pattern.compile("\\b" + Pattern.quote(k) + "\\b"))
                  .matcher(lower)
                  .find()) {
        return true;
      }
    }
    return false;
  }

  private final Map<String, Pattern> stems = new HashMap<>();

  private static final Pattern SERVICE_SUFFIX =
      Pattern.compile("[-_.](gateway|gw|service|svc|server|srv|worker|prod|production|app)$");

  /** Within the incident: from a little before the onset to two hours after. */
  private boolean near(Instant at) {
    return within(at, onset.minus(Duration.ofMinutes(10)), onset.plus(Duration.ofHours(2)));
  }

  /** Just before the onset: from five minutes before it to one after. */
  private boolean justBefore(Instant at) {
    return within(at, onset.minus(Duration.ofMinutes(5)), onset.plus(Duration.ofMinutes(1)));
  }

  /** Whether {@code at} lies from {@code from} to {@code to}, both included. */
  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && !at.isAfter(to);
  }

  /** Whether a change is on an affected service, by its service or by what its text names. */
  private boolean onAffected(Change change) {
    return matchesAffected(change.service()) || mentionsAffected(change.description());
  }

  private boolean matchesAffected(String service) {
    String s = service.toLowerCase(Locale.ROOT);
    for (String affected : services) {
      String a = affected.toLowerCase(Locale.ROOT);
      if (a.equals(s) || a.contains(s) || s.contains(a)) {
        return true;
      }
    }
    return false;
  }

  private boolean appeared(Instant first) {
    return first != null && logStart != null && first.isAfter(logStart.plus(SETTLED));
  }

  private static boolean isError(TemplateRow row) {
    return row.level().equals("error")
        || row.level().equals("fatal")
        || row.errors() > 0
        || row.signals().contains("error-words")
        || row.signals().contains("stack-trace");
  }

  private static final List<String> VERSION_LABELS =
      List.of("version", "image", "revision", "release", "build", "tag", "pod_template_hash");

  /** Pods (or requests) of a version that was not there before: a rollout. */
  private static boolean newVersion(Shift shift) {
    boolean versioned = false;
    for (String label : VERSION_LABELS) {
      versioned |= shift.series().labels().containsKey(label);
    }
    return versioned && shift.rising() && shift.before() == 0;
  }

  private static Optional<Expiry> expiry(Series series) {
    boolean remaining = series.words().matches("(?is).*(remaining|until|left|days).*");
    for (int i = 0; i < series.values().length; i++) {
      double value = series.values()[i];
      long at = series.seconds()[i];
      boolean expired = remaining ? value <= 0 : value > 1e9 && value <= at;
      if (expired) {
        return Optional.of(
            new Expiry(
                series,
                remaining ? Instant.ofEpochSecond(at) : Instant.ofEpochSecond((long) value)));
      }
    }
    return Optional.empty();
  }

  private static String mechanismTitle(Cause cause, String subject, String example) {
    return switch (cause) {
      case CERTIFICATE_EXPIRY ->
          "An expired or invalid TLS certificate" + (subject == null ? "" : " (" + subject + ")");
      case DNS_FAILURE -> "DNS resolution failing" + (subject == null ? "" : " for " + subject);
      case RESOURCE_SATURATION ->
          "A resource running out"
              + (subject == null ? "" : " on " + subject)
              + ": "
              + clip(example, 100);
      case DEPENDENCY_OUTAGE ->
          (subject == null ? "A dependency" : "The dependency " + subject)
              + " failing: "
              + clip(example, 100);
      case NOISY_NEIGHBOUR -> "A noisy neighbour: " + clip(example, 100);
      case TRAFFIC_SURGE -> "More traffic than capacity: " + clip(example, 100);
      default -> cause.noun() + ": " + clip(example, 100);
    };
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String clip(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
