package dev.sremcp.host.javalin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-parsing metrics of the LogHub benchmarks, comparing line i of the truth with line i of
 * the parser's output, templates grouped by their text.
 *
 * @param groupingAccuracy GA: lines whose truth group the parser reproduced exactly
 * @param parsingAccuracy PA: lines whose template text equals the truth's
 * @param groupF1 FGA: F1 of exactly reproduced groups over parsed and truth groups
 * @param templateF1 FTA: F1 of parsed templates that are exactly a truth template, lines and text
 */
record ParsingScores(
    double groupingAccuracy, double parsingAccuracy, double groupF1, double templateF1) {

  static ParsingScores of(List<String> truth, List<String> parsed) {
    if (truth.size() != parsed.size() || truth.isEmpty()) {
      throw new IllegalArgumentException(
          "the truth has " + truth.size() + " lines and the output " + parsed.size());
    }
    Map<String, Integer> truthSizes = new HashMap<>();
    truth.forEach(t -> truthSizes.merge(t, 1, Integer::sum));
    // for each parsed template: its size, and its one truth template (null when it mixes several)
    Map<String, Integer> parsedSizes = new HashMap<>();
    Map<String, String> parsedTruth = new HashMap<>();
    Map<String, Boolean> pure = new HashMap<>();
    int sameText = 0;
    for (int i = 0; i < truth.size(); i++) {
      String p = parsed.get(i);
      String t = truth.get(i);
      parsedSizes.merge(p, 1, Integer::sum);
      String seen = parsedTruth.putIfAbsent(p, t);
      if (seen != null && !seen.equals(t)) {
        pure.put(p, false);
      } else {
        pure.putIfAbsent(p, true);
      }
      if (p.equals(t)) {
        sameText++;
      }
    }
    int correctLines = 0;
    int correctGroups = 0;
    int correctTemplates = 0;
    for (Map.Entry<String, Integer> group : parsedSizes.entrySet()) {
      String p = group.getKey();
      if (!pure.get(p)) {
        continue;
      }
      String t = parsedTruth.get(p);
      if (truthSizes.get(t).equals(group.getValue())) {
        correctLines += group.getValue();
        correctGroups++;
      }
      if (p.equals(t)) {
        correctTemplates++;
      }
    }
    double lines = truth.size();
    return new ParsingScores(
        correctLines / lines,
        sameText / lines,
        f1(correctGroups, parsedSizes.size(), truthSizes.size()),
        f1(correctTemplates, parsedSizes.size(), truthSizes.size()));
  }

  private static double f1(int correct, int parsed, int truth) {
    double precision = (double) correct / parsed;
    double recall = (double) correct / truth;
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
