package dev.sremcp.benchmarks;

import dev.sremcp.domain.dockerfile.DockerfileAnalyzer;
import dev.sremcp.domain.kubernetes.KubernetesAnalyzer;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tree.Yaml;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The configuration reviews on the sizes the issue names: a 1 MB Kubernetes bundle and a set of
 * Dockerfiles of 1,000 lines. The floor for the bundle is SnakeYAML composing the same text (a
 * parse without any check); our own YAML parse is shown beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReviewBenchmark {

  private String bundle;
  private Arguments bundleArguments;
  private Arguments policedBundleArguments;
  private Arguments dockerfileArguments;
  private final KubernetesAnalyzer kubernetes = new KubernetesAnalyzer();
  private final DockerfileAnalyzer dockerfiles = new DockerfileAnalyzer();

  @Setup
  public void setUp() {
    bundle = bundle(1_000_000, false);
    bundleArguments = Arguments.of(Map.of("content", bundle, "name", "bundle.yaml", "limit", 1000));
    policedBundleArguments =
        Arguments.of(
            Map.of("content", bundle(1_000_000, true), "name", "bundle.yaml", "limit", 1000));
    List<Map<String, Object>> files = new ArrayList<>();
    int lines = 0;
    for (int i = 0; lines < 1_000; i++) {
      String dockerfile = dockerfile(i);
      lines += dockerfile.split("\n").length;
      files.add(Map.of("name", "svc-" + i + "/Dockerfile", "content", dockerfile));
    }
    dockerfileArguments = Arguments.of(Map.of("files", files, "limit", 1000));
  }

  /** The whole review of a 1 MB bundle: parse, 80 rules, cross-object checks, the report. */
  @Benchmark
  public Analysis reviewKubernetesBundle() {
    return kubernetes.analyze(bundleArguments, AnalysisContext.detached());
  }

  /**
   * The same review where every service also has a NetworkPolicy and a PodDisruptionBudget: the
   * cross-object checks match each workload against the namespace's policies and budgets.
   */
  @Benchmark
  public Analysis reviewKubernetesBundleWithPolicies() {
    return kubernetes.analyze(policedBundleArguments, AnalysisContext.detached());
  }

  /** Our YAML parser alone over the same bundle. */
  @Benchmark
  public int parseBundleWithOurYaml() {
    return Yaml.parseAll(bundle).size();
  }

  /** The floor: SnakeYAML composing the same bundle into its node graph, checking nothing. */
  @Benchmark
  public int parseBundleWithSnakeYaml() {
    int documents = 0;
    for (var node :
        new org.yaml.snakeyaml.Yaml(new LoaderOptions()).composeAll(new StringReader(bundle))) {
      documents += node == null ? 0 : 1;
    }
    return documents;
  }

  /** The whole review of Dockerfiles of 1,000 lines together. */
  @Benchmark
  public Analysis reviewDockerfileSet() {
    return dockerfiles.analyze(dockerfileArguments, AnalysisContext.detached());
  }

  /**
   * A bundle of about {@code bytes}: per service a Deployment, a Service, a ConfigMap and an HPA,
   * and with {@code policies} a NetworkPolicy and a PodDisruptionBudget.
   */
  static String bundle(int bytes, boolean policies) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < bytes; i++) {
      String app = "svc-" + i;
      text.append(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: %1$s
            namespace: shop
            labels: {app: %1$s, team: payments}
          spec:
            replicas: 3
            selector:
              matchLabels: {app: %1$s}
            template:
              metadata:
                labels: {app: %1$s}
              spec:
                serviceAccountName: %1$s
                securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                containers:
                  - name: app
                    image: "registry.example.com/shop/%1$s:1.%2$d.0"
                    ports: [{name: http, containerPort: 8080}]
                    envFrom: [{configMapRef: {name: %1$s}}]
                    env:
                      - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: %1$s-db, key: password}}}
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {memory: 256Mi}
                    readinessProbe: {httpGet: {path: /ready, port: http}}
                    livenessProbe: {httpGet: {path: /healthz, port: http}, initialDelaySeconds: 10}
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: {drop: [ALL]}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: %1$s, namespace: shop}
          spec:
            selector: {app: %1$s}
            ports: [{name: http, port: 80, targetPort: http}]
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: %1$s, namespace: shop}
          data: {LOG_LEVEL: info, UPSTREAM: "http://svc-%3$d.shop"}
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: %1$s, namespace: shop}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
            minReplicas: 3
            maxReplicas: 10
            metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
          ---
          """
              .formatted(app, i, i + 1));
      if (policies) {
        text.append(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: %1$s, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: %1$s}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {team: payments}}}]}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: %1$s, namespace: shop}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: %1$s}}
            ---
            """
                .formatted(app));
      }
    }
    return text.toString();
  }

  /** A Dockerfile of about 25 lines, its shape varying with {@code i}. */
  static String dockerfile(int i) {
    return switch (i % 3) {
      case 0 ->
          """
          # syntax=docker/dockerfile:1
          FROM golang:1.22.%d AS build
          WORKDIR /src
          COPY go.mod go.sum ./
          RUN go mod download
          COPY . .
          RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app
          FROM gcr.io/distroless/static-debian12:nonroot
          COPY --from=build /out/app /app
          USER 65532:65532
          ENTRYPOINT ["/app"]
          """
              .formatted(i % 10);
      case 1 ->
          """
          FROM python:3.12.%d-slim
          ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
          RUN apt-get update \\
           && apt-get install -y --no-install-recommends curl \\
           && rm -rf /var/lib/apt/lists/*
          WORKDIR /app
          COPY requirements.txt .
          RUN pip install --no-cache-dir -r requirements.txt
          COPY . .
          RUN useradd -r -u 10001 app
          USER 10001
          EXPOSE 8000
          HEALTHCHECK CMD curl -f http://localhost:8000/healthz || exit 1
          CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
          """
              .formatted(i % 10);
      default ->
          """
          FROM node:latest
          WORKDIR /usr/src/app
          COPY package*.json ./
          RUN npm install
          RUN npm install -g pm2
          COPY . .
          RUN curl -sSL https://example.com/setup.sh | bash
          ENV API_TOKEN=abc123def456
          EXPOSE 3000 22
          CMD npm start
          """;
    };
  }
}
