package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.CONFIGMAP_MISSING;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SECRET_MISSING;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.MapNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ConfigMaps and Secrets a workload needs, looked up in the bundle: environment variables
 * ({@code env[].valueFrom}, {@code envFrom}) and volumes ({@code configMap}, {@code secret}, {@code
 * projected}), keys included. A kind the bundle defines no object of is not checked, and optional
 * references never are.
 */
final class ReferenceChecks {

  /** Kinds that make a Secret, besides Secret itself. */
  private static final List<String> SECRET_MAKERS =
      List.of("Secret", "SealedSecret", "ExternalSecret", "Certificate");

  /**
   * An object the bundle defines that a reference can name.
   *
   * @param keys its keys, or {@code null} when the bundle cannot tell them
   */
  private record Source(Set<String> keys) {}

  private final Workload workload;
  private final Manifest object;
  private final Bundle bundle;
  private final Findings findings;
  private final boolean configMaps;
  private final boolean secrets;

  private ReferenceChecks(Workload workload, Bundle bundle, Findings findings) {
    this.workload = workload;
    this.object = workload.manifest();
    this.bundle = bundle;
    this.findings = findings;
    this.configMaps = bundle.has("ConfigMap");
    this.secrets = SECRET_MAKERS.stream().anyMatch(bundle::has);
  }

  static void check(Workload workload, Bundle bundle, Findings findings) {
    ReferenceChecks checks = new ReferenceChecks(workload, bundle, findings);
    if (checks.configMaps || checks.secrets) {
      checks.volumes();
      for (Workload.Container container : workload.containers()) {
        checks.env(container);
      }
    }
  }

  private void volumes() {
    for (MapNode volume : Nodes.maps(workload.spec(), "volumes")) {
      String where = "the volume " + volume.text("name").orElse("(unnamed)");
      volume.map("configMap").ifPresent(source -> volumeSource(source, "name", false, where));
      volume.map("secret").ifPresent(source -> volumeSource(source, "secretName", true, where));
      for (MapNode projected : Nodes.maps(volume, "projected", "sources")) {
        projected.map("configMap").ifPresent(source -> volumeSource(source, "name", false, where));
        projected.map("secret").ifPresent(source -> volumeSource(source, "name", true, where));
      }
    }
  }

  private void volumeSource(MapNode source, String nameField, boolean secret, String where) {
    Optional<String> name = source.text(nameField);
    if (name.isEmpty() || Nodes.isTrue(source, "optional")) {
      return;
    }
    int line = Nodes.keyLine(source, source.line(), nameField);
    if (!reference(secret, name.get(), null, line, where)) {
      return;
    }
    for (MapNode item : Nodes.maps(source, "items")) {
      item.text("key")
          .ifPresent(
              key ->
                  reference(
                      secret, name.get(), key, Nodes.keyLine(item, item.line(), "key"), where));
    }
  }

  private void env(Workload.Container container) {
    String label = container.label();
    for (MapNode from : Nodes.maps(container.node(), "envFrom")) {
      for (String field : List.of("configMapRef", "secretRef")) {
        from.map(field)
            .filter(ref -> !Nodes.isTrue(ref, "optional"))
            .ifPresent(
                ref ->
                    ref.text("name")
                        .ifPresent(
                            name ->
                                reference(
                                    field.equals("secretRef"),
                                    name,
                                    null,
                                    Nodes.keyLine(ref, ref.line(), "name"),
                                    label + "'s envFrom")));
      }
    }
    for (MapNode env : Nodes.maps(container.node(), "env")) {
      String where = label + "'s env var " + env.text("name").orElse("(unnamed)");
      for (String field : List.of("configMapKeyRef", "secretKeyRef")) {
        env.map("valueFrom", field)
            .filter(ref -> !Nodes.isTrue(ref, "optional"))
            .ifPresent(
                ref -> {
                  Optional<String> name = ref.text("name");
                  if (name.isPresent()
                      && reference(
                          field.equals("secretKeyRef"),
                          name.get(),
                          null,
                          Nodes.keyLine(ref, ref.line(), "name"),
                          where)) {
                    ref.text("key")
                        .ifPresent(
                            key ->
                                reference(
                                    field.equals("secretKeyRef"),
                                    name.get(),
                                    key,
                                    Nodes.keyLine(ref, ref.line(), "key"),
                                    where));
                  }
                });
      }
    }
  }

  /**
   * Checks one reference, reporting what the bundle lacks; true when the object exists (so its keys
   * may be checked next).
   */
  private boolean reference(boolean secret, String name, String key, int line, String where) {
    if (secret ? !secrets : !configMaps) {
      return false;
    }
    if (name.contains("{{")) {
      return false;
    }
    Optional<Source> source = secret ? secret(name) : configMap(name);
    String kind = secret ? "Secret" : "ConfigMap";
    Rule rule = secret ? SECRET_MISSING : CONFIGMAP_MISSING;
    if (source.isEmpty()) {
      findings.add(
          rule,
          object,
          line,
          object.label()
              + ": "
              + where
              + " needs the "
              + kind
              + " "
              + name
              + ", which the bundle does not define in namespace "
              + object.namespace());
      return false;
    }
    if (key != null && source.get().keys() != null && !source.get().keys().contains(key)) {
      findings.add(
          rule,
          object,
          line,
          object.label()
              + ": "
              + where
              + " needs the key "
              + key
              + " of the "
              + kind
              + " "
              + name
              + ", which has no such key");
    }
    return true;
  }

  private Optional<Source> configMap(String name) {
    return bundle
        .find("ConfigMap", object.namespace(), name)
        .map(
            map -> {
              Set<String> keys = new HashSet<>(Nodes.strings(map.root(), "data").keySet());
              keys.addAll(Nodes.strings(map.root(), "binaryData").keySet());
              return new Source(keys);
            });
  }

  private Optional<Source> secret(String name) {
    String namespace = object.namespace();
    Optional<Manifest> plain = bundle.find("Secret", namespace, name);
    if (plain.isPresent()) {
      Set<String> keys = new HashSet<>(Nodes.strings(plain.get().root(), "data").keySet());
      keys.addAll(Nodes.strings(plain.get().root(), "stringData").keySet());
      return Optional.of(new Source(keys));
    }
    for (Manifest sealed : bundle.ofKind("SealedSecret")) {
      MapNode root = sealed.root();
      String made = root.text("spec", "template", "metadata", "name").orElse(sealed.name());
      String in = root.text("spec", "template", "metadata", "namespace").orElse(sealed.namespace());
      if (made.equals(name) && in.equals(namespace)) {
        Set<String> keys = new HashSet<>(Nodes.strings(root, "spec", "encryptedData").keySet());
        keys.addAll(Nodes.strings(root, "spec", "template", "data").keySet());
        return Optional.of(new Source(keys));
      }
    }
    for (Manifest external : bundle.ofKind("ExternalSecret", namespace)) {
      MapNode root = external.root();
      if (root.text("spec", "target", "name").orElse(external.name()).equals(name)) {
        boolean known =
            root.at("spec", "dataFrom").isEmpty()
                && root.at("spec", "target", "template").isEmpty();
        Set<String> keys = new HashSet<>();
        for (MapNode data : Nodes.maps(root, "spec", "data")) {
          data.text("secretKey").ifPresent(keys::add);
        }
        return Optional.of(new Source(known ? keys : null));
      }
    }
    for (Manifest certificate : bundle.ofKind("Certificate", namespace)) {
      if (certificate.root().text("spec", "secretName").orElse("").equals(name)) {
        return Optional.of(new Source(Set.of("tls.crt", "tls.key", "ca.crt")));
      }
    }
    return Optional.empty();
  }
}
