package dev.sremcp.domain.dockerfile;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.ReviewInput;
import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code review_dockerfile}: hadolint's rules and more, each finding at its line with a fix. */
public final class DockerfileAnalyzer implements Analyzer {

  public static final String NAME = "review_dockerfile";

  private static final ToolDescriptor DESCRIPTOR =
      ReviewReport.descriptor(
          DockerfileAnalyzer.class,
          NAME,
          "Review a Dockerfile",
          "Reviews Dockerfiles for what hadolint checks and more: unpinned and latest base"
              + " images, package-manager hygiene (pins, caches, -y), root users, ADD where COPY"
              + " does, secrets in ENV and ARG or copied files, curl | sh, pipes without pipefail,"
              + " shell-form CMD, multi-stage mistakes. Every finding cites its line and says how"
              + " to fix it. Inline '# hadolint ignore=DL3008' and '# sre-mcp ignore=<rule>'"
              + " comments are honoured.",
          Tier.FREE);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    ReviewInput input = ReviewInput.of(arguments, "Dockerfile", DockerfileRules.ALL);
    DockerfileReview.Settings settings =
        new DockerfileReview.Settings(
            arguments.strings("allowedRegistries"),
            labels(arguments),
            arguments.flag("strictLabels", false));
    ReviewReport report = new ReviewReport(input, arguments);
    List<ReviewDetails.ReviewedFile> files = new ArrayList<>();
    for (SourceFile file : input.files()) {
      context.checkCancelled();
      int instructions = DockerfileReview.review(file, report, settings);
      files.add(new ReviewDetails.ReviewedFile(file.name(), file.lines(), instructions, true));
    }
    return report.analysis(files, "Dockerfiles", DockerfileRules.ALL);
  }

  private static Map<String, String> labels(Arguments arguments) {
    Object raw = arguments.raw("labels").orElse(Map.of());
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidArgumentsException("labels must be an object of label name to form");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (!(value instanceof String form) || !LabelForm.FORMS.contains(form)) {
            throw new InvalidArgumentsException(
                "labels." + key + " must be one of " + LabelForm.FORMS.stream().sorted().toList());
          }
          labels.put(String.valueOf(key), form);
        });
    return labels;
  }
}
