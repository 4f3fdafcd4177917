package dev.sremcp.domain.incident;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back an {@code analyze_incident} result (its {@code structuredContent}) that a client
 * passes on to {@code draft_postmortem}: the fields the draft uses, checked, nothing else.
 */
final class IncidentResult {

  private IncidentResult() {}

  static IncidentDetails read(Object value) {
    Map<String, Object> result = IncidentInput.object(value, "incident");
    if (!(result.get("hypotheses") instanceof List<?>)
        || !(result.get("timeline") instanceof List<?>)) {
      throw new InvalidArgumentsException(
          "incident must be the structuredContent of an analyze_incident result, with its"
              + " timeline and hypotheses");
    }
    List<IncidentDetails.TimelineEntry> timeline = new ArrayList<>();
    List<?> entries = (List<?>) result.get("timeline");
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry =
          IncidentInput.object(entries.get(i), "incident.timeline[" + i + "]");
      String time = IncidentInput.text(entry.get("time"));
      String text = IncidentInput.text(entry.get("text"));
      if (time == null || text == null) {
        throw new InvalidArgumentsException("incident.timeline[" + i + "] needs time and text");
      }
      timeline.add(
          new IncidentDetails.TimelineEntry(
              time,
              IncidentInput.text(entry.getOrDefault("kind", "event")),
              IncidentInput.text(entry.get("service")),
              text,
              IncidentInput.text(entry.get("ref"))));
    }
    List<IncidentDetails.Hypothesis> hypotheses = new ArrayList<>();
    List<?> given = (List<?>) result.get("hypotheses");
    for (int i = 0; i < given.size(); i++) {
      String path = "incident.hypotheses[" + i + "]";
      Map<String, Object> h = IncidentInput.object(given.get(i), path);
      String cause = IncidentInput.text(h.get("cause"));
      try {
        Cause.fromId(cause == null ? "" : cause);
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentsException(
            path + ".cause '" + cause + "' is not a cause analyze_incident names");
      }
      double confidence = h.get("confidence") instanceof Number n ? n.doubleValue() : -1;
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new InvalidArgumentsException(path + ".confidence must be a number from 0 to 1");
      }
      List<IncidentDetails.Support> evidence = new ArrayList<>();
      if (h.get("evidence") instanceof List<?> supports) {
        for (Object s : supports) {
          if (s instanceof Map<?, ?> support) {
            Object weight = support.get("weight");
            evidence.add(
                new IncidentDetails.Support(
                    String.valueOf(support.get("kind")),
                    IncidentInput.text(support.get("time")),
                    String.valueOf(support.get("text")),
                    IncidentInput.text(support.get("ref")),
                    weight instanceof Number w ? w.doubleValue() : 0));
          }
        }
      }
      hypotheses.add(
          new IncidentDetails.Hypothesis(
              i + 1, cause, String.valueOf(h.getOrDefault("title", cause)), confidence, evidence));
    }
    Map<String, Object> affected =
        result.get("affected") instanceof Map<?, ?> map
            ? IncidentInput.object(map, "incident.affected")
            : Map.of();
    boolean abstained = Boolean.TRUE.equals(result.get("abstained"));
    return new IncidentDetails(
        IncidentInput.text(result.get("onset")),
        IncidentInput.text(result.get("detectedAt")),
        IncidentInput.text(result.get("resolvedAt")),
        new IncidentDetails.Affected(
            strings(affected.get("services")), strings(affected.get("hosts"))),
        new IncidentDetails.Inputs(0, 0, 0, 0, 0),
        timeline,
        result.get("timelineTotal") instanceof Number n ? n.intValue() : timeline.size(),
        hypotheses,
        abstained || hypotheses.isEmpty(),
        IncidentInput.text(result.get("abstention")));
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item != null) {
          strings.add(String.valueOf(item));
        }
      }
    }
    return strings;
  }
}
