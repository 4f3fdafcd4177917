package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.YAML_SYNTAX;

import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review of one call's manifests: parses every file, collects the objects of all of them into
 * one bundle, and runs the checks of each object, each workload and the bundle as a whole.
 *
 * <p>A file that is not valid YAML becomes one {@code k8s.yaml-syntax} finding and the review goes
 * on with the others; a file past the parser's limits (an alias bomb, nesting too deep) refuses the
 * whole call. Documents that are not objects (no apiVersion or kind) are skipped; the items of a
 * {@code List} are reviewed; the output of {@code helm template} is plain YAML, and that of {@code
 * helm install --dry-run} is read from its HOOKS and MANIFEST sections.
 */
final class KubernetesReview {

  private KubernetesReview() {}

  /** The most objects one review reads: the cross-object checks compare workloads with policies. */
  static final int MAX_OBJECTS = 5_000;

  /** Reviews the files; returns what each held. */
  static List<ReviewDetails.ReviewedFile> review(
      List<SourceFile> files, ReviewReport report, AnalysisContext context) {
    Findings findings = new Findings(report);
    List<Manifest> manifests = new ArrayList<>();
    List<ReviewDetails.ReviewedFile> reviewed = new ArrayList<>();
    for (SourceFile file : files) {
      context.checkCancelled();
      Optional<List<Yaml.Document>> documents = parse(file, report);
      int objects = 0;
      if (documents.isPresent()) {
        for (Yaml.Document document : documents.get()) {
          objects += collect(file, document.root(), manifests);
        }
      }
      reviewed.add(
          new ReviewDetails.ReviewedFile(
              file.name(), file.lines(), objects, documents.isPresent()));
    }
    if (manifests.size() > MAX_OBJECTS) {
      throw new InvalidArgumentsException(
          "the files hold "
              + manifests.size()
              + " objects; one review reads at most "
              + MAX_OBJECTS
              + " (the cross-object checks compare them pairwise): review the bundle in parts,"
              + " for example one namespace at a time");
    }
    Bundle bundle = new Bundle(manifests);
    for (Manifest manifest : manifests) {
      context.checkCancelled();
      ObjectChecks.check(manifest, findings);
    }
    for (Workload workload : bundle.workloads()) {
      context.checkCancelled();
      WorkloadChecks.check(workload, bundle, findings);
    }
    context.checkCancelled();
    BundleChecks.check(bundle, findings);
    return reviewed;
  }

  private static Optional<List<Yaml.Document>> parse(SourceFile file, ReviewReport report) {
    try {
      return Optional.of(Yaml.parseAll(helmManifest(file.text())));
    } catch (YamlException e) {
      if (e.isLimit()) {
        throw new InvalidArgumentsException(
            file.name() + ", line " + e.line() + ": " + e.problem());
      }
      String hint =
          file.text().contains("{{")
              ? "; the file looks like an unrendered Helm template: review the output of helm"
                  + " template instead"
              : "";
      report.add(
          YAML_SYNTAX.at(
              file,
              Math.max(1, e.line()),
              "the file is not valid YAML at line "
                  + e.line()
                  + ", column "
                  + e.column()
                  + ": "
                  + e.problem()
                  + hint));
      return Optional.empty();
    }
  }

  /** Adds the objects a document holds; returns how many. */
  private static int collect(SourceFile file, Node root, List<Manifest> manifests) {
    if (!(root instanceof MapNode map)) {
      return 0;
    }
    Optional<Manifest> manifest = Manifest.of(file, map);
    if (manifest.isEmpty()) {
      return 0;
    }
    if (manifest.get().kind().endsWith("List")
        && map.at("items").flatMap(Node::asList).isPresent()) {
      int count = 0;
      for (Node item : map.items("items")) {
        if (item instanceof MapNode object) {
          Optional<Manifest> inner = Manifest.of(file, object);
          if (inner.isPresent()) {
            manifests.add(inner.get());
            count++;
          }
        }
      }
      return count;
    }
    manifests.add(manifest.get());
    return 1;
  }

  /**
   * The YAML of {@code helm install --dry-run} output: its HOOKS and MANIFEST sections, every other
   * line blanked so that lines keep their numbers. Other text is returned as it is.
   */
  static String helmManifest(String text) {
    if (!text.startsWith("NAME:")
        || !(text.contains("\nMANIFEST:\n") || text.contains("\nHOOKS:\n"))) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder yaml = new StringBuilder(text.length());
    boolean keep = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String bare = line.strip();
      if (bare.equals("HOOKS:") || bare.equals("MANIFEST:")) {
        keep = true;
        line = "";
      } else if (bare.startsWith("NOTES:") && !line.startsWith(" ")) {
        keep = false;
      }
      yaml.append(keep ? line : "");
      if (i < lines.length - 1) {
        yaml.append('\n');
      }
    }
    return yaml.toString();
  }
}
