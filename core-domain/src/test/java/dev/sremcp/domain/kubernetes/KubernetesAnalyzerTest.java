package dev.sremcp.domain.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class KubernetesAnalyzerTest {

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+)$");

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      %s
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: app
                image: nginx:latest
                securityContext:
                  privileged: true
                  runAsUser: 0
      """;

  private final KubernetesAnalyzer analyzer = new KubernetesAnalyzer();

  private static String resource(String name) {
    try (InputStream in = KubernetesAnalyzerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Analysis review(Map<String, String> files, Map<String, Object> extra) {
    List<Map<String, String>> list = new ArrayList<>();
    files.forEach((name, content) -> list.add(Map.of("name", name, "content", content)));
    Map<String, Object> arguments = new HashMap<>(extra);
    arguments.put("files", list);
    arguments.putIfAbsent("limit", 1000);
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private Analysis review(String name, String content) {
    return review(Map.of(name, content), Map.of());
  }

  private static int line(Finding finding) {
    return finding.evidence().getFirst().line();
  }

  private static Set<String> ids(Analysis analysis) {
    Set<String> ids = new TreeSet<>();
    analysis.findings().forEach(f -> ids.add(f.ruleId()));
    return ids;
  }

  /** The expected rule ids by line, read from the fixture's "# expect:" comments. */
  private static Map<Integer, Set<String>> markers(String text) {
    Map<Integer, Set<String>> markers = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher matcher = EXPECT.matcher(lines[i]);
      if (matcher.find() && !lines[i].strip().startsWith("#")) {
        Set<String> ids = new HashSet<>();
        for (String id : matcher.group(1).split("[,\\s]+")) {
          if (!id.isBlank()) {
            ids.add(id);
          }
        }
        markers.put(i + 1, ids);
      }
    }
    return markers;
  }

  // ---- The tool --------------------------------------------------------------------------

  @Test
  void theDescriptorNamesTheToolAndItsTier() {
    assertThat(analyzer.descriptor().name()).isEqualTo("review_kubernetes");
    assertThat(analyzer.descriptor().minimumTier()).isEqualTo(Tier.STARTER);
  }

  @Test
  void everyRuleHasAUniqueIdAndCitesItsPeersByTool() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : KubernetesRules.ALL) {
      assertThat(ids.add(rule.id())).as(rule.id()).isTrue();
      assertThat(rule.id()).startsWith("k8s.");
      assertThat(rule.peers())
          .allMatch(p -> p.startsWith("kube-linter:") || p.startsWith("kube-score:"));
    }
  }

  @Test
  void theRulesCoverEveryDefaultKubeLinterCheck() {
    List<String> defaults =
        List.of(
            "dangling-service",
            "deprecated-service-account-field",
            "docker-sock",
            "drop-net-raw-capability",
            "duplicate-env-var",
            "env-var-secret",
            "host-ipc",
            "host-network",
            "host-pid",
            "invalid-target-ports",
            "job-ttl-seconds-after-finished",
            "latest-tag",
            "liveness-port",
            "mismatching-selector",
            "no-anti-affinity",
            "no-extensions-v1beta",
            "no-read-only-root-fs",
            "non-existent-service-account",
            "pdb-max-unavailable",
            "pdb-min-available",
            "pdb-unhealthy-pod-eviction-policy",
            "privilege-escalation-container",
            "privileged-container",
            "readiness-port",
            "run-as-non-root",
            "sensitive-host-mounts",
            "ssh-port",
            "startup-port",
            "unsafe-sysctls",
            "unset-cpu-requirements",
            "unset-memory-requirements");
    Set<String> covered = new HashSet<>();
    KubernetesRules.ALL.forEach(rule -> covered.addAll(rule.peers()));
    assertThat(defaults).allMatch(check -> covered.contains("kube-linter:" + check));
  }

  // ---- (a) A bundle with planted defects ---------------------------------------------------

  @Test
  void everyPlantedDefectIsFoundAtItsLine() {
    String text = resource("insecure.yaml");
    Map<Integer, Set<String>> markers = markers(text);
    Analysis analysis = review("insecure.yaml", text);

    Map<Integer, Set<String>> found = new HashMap<>();
    for (Finding finding : analysis.findings()) {
      found.computeIfAbsent(line(finding), l -> new HashSet<>()).add(finding.ruleId());
    }
    List<String> missing = new ArrayList<>();
    markers.forEach(
        (line, ids) -> {
          for (String id : ids) {
            if (!found.getOrDefault(line, Set.of()).contains(id)) {
              missing.add(id + " at line " + line + " (found there: " + found.get(line) + ")");
            }
          }
        });
    assertThat(missing).isEmpty();
    assertThat(markers).hasSizeGreaterThan(40);
  }

  @Test
  void noSevereFindingLandsOnAnUnmarkedLine() {
    String text = resource("insecure.yaml");
    Map<Integer, Set<String>> markers = markers(text);
    Analysis analysis = review("insecure.yaml", text);

    List<String> unexpected = new ArrayList<>();
    for (Finding finding : analysis.findings()) {
      if (finding.severity().atLeast(Severity.HIGH)
          && !markers.getOrDefault(line(finding), Set.of()).contains(finding.ruleId())) {
        unexpected.add(finding.ruleId() + " at line " + line(finding) + ": " + finding.message());
      }
    }
    assertThat(unexpected).isEmpty();
  }

  @Test
  void messagesNameTheObjectAndTheContainer() {
    Analysis analysis = review("insecure.yaml", resource("insecure.yaml"));

    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.privileged-container"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("Deployment shop/web").contains("container app");
              assertThat(f.evidence().getFirst().excerpt())
                  .isEqualTo("privileged: true # expect: k8s.privileged-container");
              assertThat(f.fix()).isNotBlank();
            });
    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.secret-in-env"))
        .allSatisfy(f -> assertThat(f.message()).doesNotContain("hunter2"));
  }

  @Test
  void theDetailsCountTheObjectsOfEachFile() {
    Analysis analysis = review("insecure.yaml", resource("insecure.yaml"));

    ReviewDetails details = (ReviewDetails) analysis.details();
    assertThat(details.files())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.items()).isEqualTo(15);
              assertThat(file.parsed()).isTrue();
            });
    assertThat(details.rulesApplied()).isEqualTo(KubernetesRules.ALL.size());
    assertThat(analysis.summary()).startsWith("insecure.yaml: ");
  }

  // ---- (b) A hardened bundle ---------------------------------------------------------------

  @Test
  void aHardenedBundleGetsNothingAboveLow() {
    Analysis analysis = review("hardened.yaml", resource("hardened.yaml"));

    assertThat(analysis.findings())
        .filteredOn(f -> f.severity().atLeast(Severity.MEDIUM))
        .extracting(f -> f.ruleId() + " at line " + line(f) + ": " + f.message())
        .isEmpty();
    assertThat(((ReviewDetails) analysis.details()).files().getFirst().items()).isEqualTo(11);
  }

  // ---- (c) Hostile input -------------------------------------------------------------------

  @Test
  void anAliasBombIsRefusedNamingTheLimit() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
    }

    assertThatThrownBy(() -> review("bomb.yaml", bomb.toString()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("bomb.yaml")
        .hasMessageContaining("(the limit)")
        .hasMessageContaining("nodes");
  }

  @Test
  void deepNestingIsRefusedNamingTheLimit() {
    String flow = "[".repeat(10_000) + "]".repeat(10_000);
    String block = "- ".repeat(10_000) + "x\n";

    for (String deep : List.of(flow, block)) {
      assertThatThrownBy(() -> review("deep.yaml", deep))
          .isInstanceOf(InvalidArgumentsException.class)
          .hasMessageContaining("deep.yaml")
          .hasMessageContaining("deeper than 100 levels (the limit)");
    }
  }

  @Test
  void binaryDataIsRefused() {
    String binary = "apiVersion: v1\0\u0001\u0002kind: Pod\0\0\0";

    assertThatThrownBy(() -> review("image.bin", binary))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("image.bin")
        .hasMessageContaining("binary");
  }

  // ---- (d) A syntax error in one file ------------------------------------------------------

  @Test
  void aSyntaxErrorIsAFindingAndTheOtherFilesAreStillReviewed() {
    String broken =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          key: "unterminated
        """;
    Map<String, String> files = new LinkedHashMap<>();
    files.put("broken.yaml", broken);
    files.put("web.yaml", DEPLOYMENT.formatted(""));

    Analysis analysis = review(files, Map.of());

    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.yaml-syntax"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence().getFirst().file()).isEqualTo("broken.yaml");
              assertThat(line(f)).isEqualTo(6);
            });
    assertThat(analysis.findings())
        .filteredOn(f -> f.evidence().getFirst().file().equals("web.yaml"))
        .extracting(Finding::ruleId)
        .contains("k8s.privileged-container", "k8s.run-as-root", "k8s.latest-tag");
    assertThat(((ReviewDetails) analysis.details()).files())
        .extracting(ReviewDetails.ReviewedFile::parsed)
        .containsExactly(false, true);
  }

  @Test
  void anUnrenderedHelmTemplateGetsAHint() {
    String template =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "chart.fullname" . }}
          labels: {{- include "chart.labels" . | nindent 4 }}
        """;

    Analysis analysis = review("service.yaml", template);

    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("k8s.yaml-syntax");
              assertThat(f.message()).contains("helm template");
            });
  }

  // ---- (e) Ignoring rules ------------------------------------------------------------------

  @Test
  void kubeLinterIgnoreAnnotationsSwitchOffTheRulesThatCoverTheCheck() {
    String annotated =
        DEPLOYMENT.formatted(
            """
              annotations:
                ignore-check.kube-linter.io/privileged-container: "node agent"
                ignore-check.kube-linter.io/run-as-non-root: "needs root"
            """);

    Set<String> ids = ids(review("web.yaml", annotated));

    assertThat(ids).doesNotContain("k8s.privileged-container", "k8s.run-as-root");
    assertThat(ids).contains("k8s.latest-tag");
  }

  @Test
  void ourIgnoreAnnotationSwitchesOffTheRulesItNames() {
    String annotated =
        DEPLOYMENT.formatted(
            """
              annotations:
                sre-mcp.dev/ignore: "k8s.latest-tag, k8s.run-as-root"
            """);

    Set<String> ids = ids(review("web.yaml", annotated));

    assertThat(ids).doesNotContain("k8s.latest-tag", "k8s.run-as-root");
    assertThat(ids).contains("k8s.privileged-container");
  }

  @Test
  void theIgnoreArgumentSwitchesOffRulesForTheWholeCall() {
    Analysis analysis =
        review(
            Map.of("web.yaml", DEPLOYMENT.formatted("")),
            Map.of("ignore", List.of("k8s.privileged-container", "k8s.cpu-limit-missing")));

    assertThat(ids(analysis)).doesNotContain("k8s.privileged-container", "k8s.cpu-limit-missing");
    assertThat(((ReviewDetails) analysis.details()).rulesApplied())
        .isEqualTo(KubernetesRules.ALL.size() - 2);
    assertThatThrownBy(
            () -> review(Map.of("web.yaml", "a: 1"), Map.of("ignore", List.of("k8s.nonsense"))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("k8s.nonsense");
  }

  @Test
  void booleansAreReadAsKubernetesReadsThemYaml11Included() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          labels:
            canary: yes
        spec:
          hostNetwork: on
          containers:
            - name: shell
              image: busybox:1.36
              securityContext:
                privileged: yes
        """;

    Analysis analysis = review("pod.yaml", pod);

    assertThat(analysis.findings())
        .extracting(f -> f.ruleId() + "@" + line(f))
        .contains("k8s.invalid-label@6", "k8s.host-network@8", "k8s.privileged-container@13");
  }

  @Test
  void kubeScoreAndIgnoreAllAnnotationsAreHonoured() {
    String scored =
        DEPLOYMENT.formatted(
            """
              annotations:
                kube-score/ignore: container-security-context-privileged,container-image-tag
            """);
    String all =
        DEPLOYMENT.formatted(
            """
              annotations:
                kube-linter.io/ignore-all: "legacy"
            """);

    assertThat(ids(review("web.yaml", scored)))
        .doesNotContain("k8s.privileged-container", "k8s.latest-tag")
        .contains("k8s.run-as-root");
    assertThat(review("web.yaml", all).findings()).isEmpty();
  }

  // ---- The bundle across files and formats ---------------------------------------------------

  @Test
  void objectsInDifferentFilesMeetInOneBundle() {
    String service =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
        """;
    Map<String, String> files = new LinkedHashMap<>();
    files.put("service.yaml", service);
    files.put("deployment.yaml", DEPLOYMENT.formatted(""));

    assertThat(ids(review(files, Map.of()))).doesNotContain("k8s.dangling-service");
    assertThat(
            ids(
                review(
                    "service.yaml",
                    service + "---\n" + DEPLOYMENT.formatted("").replace("app: web", "app: api"))))
        .contains("k8s.dangling-service");
  }

  @Test
  void theItemsOfAListAreReviewed() {
    String list =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              hostPID: true
              containers:
                - name: shell
                  image: busybox:1.36
        """;

    Analysis analysis = review("list.yaml", list);

    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.host-pid"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(line(f)).isEqualTo(9);
              assertThat(f.message()).startsWith("Pod debug: ");
            });
    assertThat(((ReviewDetails) analysis.details()).files().getFirst().items()).isEqualTo(1);
  }

  @Test
  void helmDryRunOutputIsReadFromItsManifestSection() {
    String output =
        """
        NAME: shop
        LAST DEPLOYED: Mon Jan  6 10:00:00 2025
        NAMESPACE: default
        STATUS: pending-install
        REVISION: 1
        TEST SUITE: None
        HOOKS:
        MANIFEST:
        ---
        # Source: shop/templates/pod.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: shop
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: nginx:1.27

        NOTES:
        1. Get the application URL by running these commands:
          export POD_NAME=$(kubectl get pods -l "app=shop" -o jsonpath="{.items[0].metadata.name}")
        """;

    Analysis analysis = review("dry-run.txt", output);

    assertThat(ids(analysis)).doesNotContain("k8s.yaml-syntax").contains("k8s.host-network");
    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.host-network"))
        .singleElement()
        .satisfies(f -> assertThat(line(f)).isEqualTo(16));
  }

  @Test
  void documentsThatAreNotObjectsAreSkipped() {
    String values =
        """
        # values.yaml
        replicaCount: 1
        image:
          repository: nginx
        ---
        - just
        - a list
        """;

    Analysis analysis = review("values.yaml", values);

    assertThat(analysis.findings()).isEmpty();
    assertThat(((ReviewDetails) analysis.details()).files().getFirst().items()).isZero();
  }

  @Test
  void referencesAreCheckedOnlyWhenTheBundleDefinesTheKind() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
        spec:
          serviceAccountName: app
          containers:
            - name: app
              image: nginx:1.27
              envFrom:
                - secretRef:
                    name: app-secrets
                - configMapRef:
                    name: app-config
                    optional: true
        """;
    String secret =
        """
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: other
        stringData:
          token: x
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: other
        """;

    assertThat(ids(review("pod.yaml", pod)))
        .doesNotContain("k8s.secret-missing", "k8s.service-account-missing");
    Analysis both = review("pod.yaml", pod + secret);
    assertThat(ids(both))
        .contains("k8s.secret-missing", "k8s.service-account-missing")
        .doesNotContain("k8s.configmap-missing");
    assertThat(both.findings())
        .filteredOn(f -> f.ruleId().equals("k8s.secret-missing"))
        .singleElement()
        .satisfies(f -> assertThat(line(f)).isEqualTo(12));
  }
}
