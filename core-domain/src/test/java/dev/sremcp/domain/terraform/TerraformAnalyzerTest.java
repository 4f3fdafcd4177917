package dev.sremcp.domain.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.review.Expectations;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class TerraformAnalyzerTest {

  /** The planted defects of plan.json, which holds no comments to mark them: rule@line. */
  private static final Set<String> PLAN_DEFECTS =
      Set.of(
          // aws_s3_bucket_acl.assets: acl = "public-read", its public access block lets it through
          "terraform.aws-s3-no-public-access-with-acl@90",
          "terraform.aws-s3-block-public-acls@105",
          "terraform.aws-s3-ignore-public-acls@107",
          // aws_security_group.app: SSH from 0.0.0.0/0
          "terraform.aws-ec2-no-public-ingress-sgr@219",
          // aws_db_instance.orders: storage_encrypted = false
          "terraform.aws-rds-encrypt-instance-storage-data@317",
          // module "labels": a registry module without a version constraint
          "terraform.unpinned-module@1377");

  private static final String UNENCRYPTED_QUEUES =
      """
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }

      resource "aws_sns_topic" "events" {
        name = "events"
      }
      """;

  private final TerraformAnalyzer analyzer = new TerraformAnalyzer();

  private Analysis review(Map<String, String> files, Map<String, Object> settings) {
    List<Map<String, Object>> items = new ArrayList<>();
    files.forEach((name, content) -> items.add(Map.of("name", name, "content", content)));
    Map<String, Object> arguments = new HashMap<>(settings);
    arguments.put("files", items);
    arguments.put("limit", 1000);
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private Analysis review(Map<String, String> files) {
    return review(files, Map.of());
  }

  /** The files of a fixture: every .tf file of a module directory, or one file. */
  private Map<String, String> fixture(String name) {
    if (name.endsWith(".tf") || name.endsWith(".json")) {
      return Map.of(name, Expectations.resource(getClass(), name));
    }
    try (Stream<Path> files = Files.list(Path.of(getClass().getResource(name).toURI()))) {
      Map<String, String> module = new LinkedHashMap<>();
      files
          .map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(".tf"))
          .sorted()
          .forEach(file -> module.put(file, Expectations.resource(getClass(), name + "/" + file)));
      assertThat(module).as("the .tf files of %s", name).isNotEmpty();
      return module;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertEveryFileParsed(Analysis analysis, Map<String, String> files) {
    ReviewDetails details = (ReviewDetails) analysis.details();
    assertThat(details.files())
        .extracting(ReviewDetails.ReviewedFile::name)
        .containsExactlyElementsOf(files.keySet());
    assertThat(details.files()).allSatisfy(file -> assertThat(file.parsed()).isTrue());
  }

  @Test
  void findsEveryPlantedDefectOfAModuleAtItsLine() {
    // One call for the whole module: checks relate a bucket to its ACL, encryption and public
    // access block resources, a trail to its bucket, a VPC to its flow log, across files.
    Map<String, String> module = fixture("aws-insecure");
    Analysis analysis = review(module);
    assertEveryFileParsed(analysis, module);
    module.forEach((name, text) -> Expectations.assertPlanted(analysis, name, text, Severity.INFO));
  }

  @Test
  void findsEveryPlantedGoogleAndAzureDefectAtItsLine() {
    for (String name : List.of("gcp-insecure.tf", "azure-insecure.tf")) {
      Map<String, String> file = fixture(name);
      Analysis analysis = review(file);
      assertEveryFileParsed(analysis, file);
      Expectations.assertPlanted(analysis, name, file.get(name), Severity.INFO);
    }
  }

  @Test
  void aHardenedModuleHasNoFindings() {
    Map<String, String> module = fixture("aws-hardened");
    Analysis analysis = review(module);
    assertEveryFileParsed(analysis, module);
    assertThat(analysis.findings())
        .filteredOn(finding -> finding.severity().atLeast(Severity.HIGH))
        .extracting(Finding::message)
        .isEmpty();
    // Whatever a real design cannot avoid would be marked in the module with "expect:".
    module.forEach((name, text) -> Expectations.assertPlanted(analysis, name, text, Severity.INFO));
  }

  @Test
  void findsThePlantedDefectsOfAPlan() {
    // The plan creates its resources: a bucket's id, a key's ARN are known only after apply, so
    // the ACL, encryption and versioning resources name their bucket through the configuration's
    // references, and a KMS key ARN still counts as set.
    Analysis analysis = review(fixture("plan.json"));
    assertThat(Expectations.found(analysis, "plan.json")).isEqualTo(PLAN_DEFECTS);
  }

  @Test
  void everyRuleIsExercisedByAFixture() {
    Set<String> fired = new HashSet<>();
    List<Map<String, String>> calls =
        List.of(
            fixture("aws-insecure"),
            fixture("gcp-insecure.tf"),
            fixture("azure-insecure.tf"),
            fixture("plan.json"),
            fixture("syntax-error.tf"));
    for (Map<String, String> files : calls) {
      review(files).findings().forEach(finding -> fired.add(finding.ruleId()));
    }
    assertThat(fired).containsAll(TerraformRules.ALL.stream().map(Rule::id).toList());
  }

  @Test
  void reportsASyntaxErrorAndStillReviewsTheOtherFiles() {
    String broken = Expectations.resource(getClass(), "syntax-error.tf");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("syntax-error.tf", broken);
    files.put("queues.tf", UNENCRYPTED_QUEUES);
    Analysis analysis = review(files);
    Expectations.assertPlanted(analysis, "syntax-error.tf", broken, Severity.INFO);
    assertThat(Expectations.found(analysis, "queues.tf"))
        .contains("terraform.aws-sqs-enable-queue-encryption@1");
    ReviewDetails details = (ReviewDetails) analysis.details();
    assertThat(details.files())
        .extracting(ReviewDetails.ReviewedFile::name, ReviewDetails.ReviewedFile::parsed)
        .containsExactly(tuple("syntax-error.tf", false), tuple("queues.tf", true));
  }

  @Test
  void refusesWhatCannotBeReviewed() {
    String bomb = "locals {\n  x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n}\n";
    assertThatThrownBy(() -> review(Map.of("bomb.tf", bomb)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("bomb.tf")
        .hasMessageContaining("limit of 128");
    String deepPlan = "{\"planned_values\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertThatThrownBy(() -> review(Map.of("plan.json", deepPlan)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("plan.json")
        .hasMessageContaining("(the limit)");
    String huge = "# padding\n".repeat(900_000);
    assertThatThrownBy(() -> review(Map.of("main.tf", huge)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("8388608 characters");
    String binary = "resource \"aws_s3_bucket\" \"b\" {\u0000\u0001\u0002}";
    assertThatThrownBy(() -> review(Map.of("main.tf", binary)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("main.tf")
        .hasMessageContaining("binary");
  }

  @Test
  void theIgnoreArgumentSkipsARule() {
    Map<String, String> files = Map.of("queues.tf", UNENCRYPTED_QUEUES);
    assertThat(review(files).findings())
        .extracting(Finding::ruleId)
        .contains(
            "terraform.aws-sqs-enable-queue-encryption",
            "terraform.aws-sns-enable-topic-encryption");
    Analysis ignoring =
        review(files, Map.of("ignore", List.of("terraform.aws-sqs-enable-queue-encryption")));
    assertThat(ignoring.findings())
        .extracting(Finding::ruleId)
        .doesNotContain("terraform.aws-sqs-enable-queue-encryption")
        .contains("terraform.aws-sns-enable-topic-encryption");
    assertThatThrownBy(() -> review(files, Map.of("ignore", List.of("AVD-AWS-0096"))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("not a rule of this review");
  }
}
