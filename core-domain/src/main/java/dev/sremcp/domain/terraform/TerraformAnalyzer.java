package dev.sremcp.domain.terraform;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.hcl.HclSyntaxException;
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
import dev.sremcp.domain.tree.YamlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code review_terraform}: tfsec-class security checks over HCL files, {@code terraform show
 * -json} plans or {@code .tf.json}, read together so that a bucket and its separate encryption or
 * public-access-block resource are judged as one.
 */
public final class TerraformAnalyzer implements Analyzer {

  public static final String NAME = "review_terraform";

  private static final ToolDescriptor DESCRIPTOR =
      ReviewReport.descriptor(
          TerraformAnalyzer.class,
          NAME,
          "Review Terraform",
          "Reviews Terraform (HCL files of a module, or a plan from terraform show -json) for what"
              + " tfsec checks on AWS (public S3 buckets and security groups, missing encryption and"
              + " logging, IAM wildcards, IMDSv1, public databases...), the main Google Cloud and"
              + " Azure checks, hard-coded credentials, and unpinned providers and modules. Send all"
              + " the files of a module together: checks relate resources across files. Every"
              + " finding cites file and line and says how to fix it.",
          Tier.STARTER);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    ReviewInput input = ReviewInput.of(arguments, "main.tf", TerraformRules.ALL);
    ReviewReport report = new ReviewReport(input, arguments);
    List<Block> blocks = new ArrayList<>();
    List<ReviewDetails.ReviewedFile> files = new ArrayList<>();
    Map<String, SourceFile> byName = new HashMap<>();
    for (SourceFile file : input.files()) {
      context.checkCancelled();
      byName.put(file.name(), file);
      try {
        List<Block> read = TerraformSource.read(file);
        blocks.addAll(read);
        files.add(new ReviewDetails.ReviewedFile(file.name(), file.lines(), read.size(), true));
      } catch (HclSyntaxException e) {
        if (e.isLimit()) {
          throw new InvalidArgumentsException(file.name() + ": " + e.getMessage());
        }
        report.add(TerraformRules.SYNTAX.at(file, Math.max(1, e.line()), e.problem()));
        files.add(new ReviewDetails.ReviewedFile(file.name(), file.lines(), 0, false));
      } catch (YamlException e) {
        if (e.isLimit()) {
          throw new InvalidArgumentsException(file.name() + ": " + e.getMessage());
        }
        report.add(
            TerraformRules.SYNTAX.at(file, e.line(), "the JSON does not parse: " + e.problem()));
        files.add(new ReviewDetails.ReviewedFile(file.name(), file.lines(), 0, false));
      }
    }
    Configuration configuration = new Configuration(blocks);
    for (TerraformCheck check : TerraformRules.CHECKS) {
      context.checkCancelled();
      if (input.ignores(check.rule().id())) {
        continue;
      }
      check
          .check()
          .run(
              configuration,
              (block, line, message) ->
                  report.add(check.rule().at(byName.get(block.file()), line, message)));
    }
    return report.analysis(files, "Terraform files", TerraformRules.ALL);
  }
}
