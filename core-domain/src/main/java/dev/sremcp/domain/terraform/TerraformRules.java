package dev.sremcp.domain.terraform;

import static dev.sremcp.domain.report.Severity.HIGH;

import dev.sremcp.domain.review.Rule;
import java.util.ArrayList;
import java.util.List;

/** The rules of {@code review_terraform}: the tfsec checks they cover, by cloud, then our own. */
public final class TerraformRules {

  static final Rule SYNTAX =
      Rule.of(
          "terraform.syntax-error",
          HIGH,
          "File does not parse",
          "Terraform refuses a configuration it cannot parse; nothing else in the file was checked.",
          "Fix the syntax at the line given (terraform validate shows the same).");

  static final List<TerraformCheck> CHECKS;

  /** Every rule, in the order the documentation lists them. */
  public static final List<Rule> ALL;

  static {
    List<TerraformCheck> checks = new ArrayList<>(AwsChecks.all());
    checks.addAll(CloudChecks.all());
    CHECKS = List.copyOf(checks);
    List<Rule> rules = new ArrayList<>();
    rules.add(SYNTAX);
    checks.forEach(check -> rules.add(check.rule()));
    ALL = List.copyOf(rules);
  }

  private TerraformRules() {}
}
