package dev.sremcp.domain.terraform;

import static dev.sremcp.domain.report.Severity.CRITICAL;
import static dev.sremcp.domain.report.Severity.HIGH;
import static dev.sremcp.domain.report.Severity.MEDIUM;
import static dev.sremcp.domain.terraform.TerraformCheck.each;
import static dev.sremcp.domain.terraform.TerraformCheck.mustBeTrue;
import static dev.sremcp.domain.terraform.TerraformCheck.mustNotBeTrue;
import static dev.sremcp.domain.terraform.TerraformCheck.own;
import static dev.sremcp.domain.terraform.TerraformCheck.tfsec;
import static dev.sremcp.domain.terraform.TerraformCheck.value;

import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks beyond AWS: Google Cloud and Azure (the same ideas: public access, encryption,
 * transport, logging), and those for any provider: unpinned providers and modules, hard-coded
 * credentials.
 */
final class CloudChecks {

  private static final String PUBLIC =
      "A resource reachable from the internet is attacked from the internet.";
  private static final String ENCRYPT =
      "Data at rest without encryption is readable by anyone who gets the disk or a backup.";
  private static final String TRANSIT =
      "Traffic in clear text can be read or altered by anyone on the path.";
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile(
          "(?i)(.*_)?(password|secret|secret_key|access_key|token|api_key|client_secret|private_key)");
  private static final Pattern GIT_REF = Pattern.compile(".*[?&]ref=[^&]+.*");

  private CloudChecks() {}

  static List<TerraformCheck> all() {
    return List.of(
        // Google Cloud
        tfsec(
            "google-compute-no-public-ingress",
            CRITICAL,
            "Firewall open to the internet",
            PUBLIC,
            "Restrict source_ranges to known ranges.",
            each(
                "google_compute_firewall",
                (b, sink) -> {
                  if (b.text("direction").orElse("INGRESS").equals("INGRESS")
                      && b.has("allow")
                      && !b.isTrue("disabled")) {
                    b.all("source_ranges").stream()
                        .flatMap(n -> n.asScalar().stream())
                        .map(ScalarNode::value)
                        .filter(Cidrs::publicWide)
                        .findFirst()
                        .ifPresent(
                            cidr ->
                                sink.flag(
                                    b,
                                    "source_ranges",
                                    b.address() + " allows ingress from " + cidr));
                  }
                })),
        tfsec(
            "google-compute-no-public-ip",
            HIGH,
            "VM with an external IP",
            PUBLIC,
            "Remove access_config from network_interface; use Cloud NAT and IAP.",
            each(
                "google_compute_instance",
                (b, sink) -> {
                  for (Node nic : b.all("network_interface")) {
                    // A plan writes "access_config": [] for a NIC without an external IP.
                    nic.items("access_config").stream()
                        .findFirst()
                        .ifPresent(
                            config ->
                                sink.at(
                                    b, config.line(), b.address() + " has an external IP address"));
                  }
                })),
        tfsec(
            "google-compute-no-serial-port",
            MEDIUM,
            "Serial port access enabled",
            "The serial console bypasses network controls.",
            "Remove serial-port-enable from metadata.",
            each(
                "google_compute_instance",
                (b, sink) -> {
                  if (b.text("metadata.serial-port-enable").orElse("").equalsIgnoreCase("true")) {
                    sink.flag(
                        b, "metadata.serial-port-enable", b.address() + " enables the serial port");
                  }
                })),
        tfsec(
            "google-compute-no-ip-forwarding",
            HIGH,
            "VM forwards IP traffic",
            "An instance that forwards packets can route around firewalls.",
            "Set can_ip_forward = false.",
            mustNotBeTrue("google_compute_instance", "can_ip_forward", "forwards IP traffic")),
        tfsec(
            "google-storage-no-public-access",
            HIGH,
            "Bucket readable by anyone",
            PUBLIC,
            "Grant roles to named principals, not allUsers or allAuthenticatedUsers.",
            each(
                "google_storage_bucket_iam_member,google_storage_bucket_iam_binding",
                (b, sink) -> {
                  List<String> members =
                      b.has("member")
                          ? List.of(b.text("member").orElse(""))
                          : b.all("members").stream()
                              .flatMap(n -> n.asScalar().stream())
                              .map(ScalarNode::value)
                              .toList();
                  members.stream()
                      .filter(m -> m.equals("allUsers") || m.equals("allAuthenticatedUsers"))
                      .findFirst()
                      .ifPresent(
                          m ->
                              sink.flag(
                                  b,
                                  b.has("member") ? "member" : "members",
                                  b.address() + " grants access to " + m));
                })),
        tfsec(
            "google-storage-enable-ubla",
            MEDIUM,
            "Bucket without uniform bucket-level access",
            "Object ACLs bypass the bucket's IAM policy.",
            "Set uniform_bucket_level_access = true.",
            mustBeTrue(
                "google_storage_bucket", "uniform_bucket_level_access", "allows object ACLs")),
        tfsec(
            "google-sql-no-public-access",
            HIGH,
            "Cloud SQL reachable from the internet",
            PUBLIC,
            "Set ip_configuration { ipv4_enabled = false } or authorize known networks only.",
            each(
                "google_sql_database_instance",
                (b, sink) -> {
                  for (Node network :
                      b.all("settings").stream()
                          .flatMap(s -> s.items("ip_configuration").stream())
                          .flatMap(c -> c.items("authorized_networks").stream())
                          .toList()) {
                    if (network.text("value").filter(Cidrs::publicWide).isPresent()) {
                      sink.at(
                          b,
                          network.line(),
                          b.address() + " authorizes " + network.text("value").orElse(""));
                    }
                  }
                })),
        tfsec(
            "google-sql-encrypt-in-transit-data",
            HIGH,
            "Cloud SQL accepts unencrypted connections",
            TRANSIT,
            "Set ip_configuration { require_ssl = true } (or ssl_mode = ENCRYPTED_ONLY).",
            each(
                "google_sql_database_instance",
                (b, sink) -> {
                  // ssl_mode, where set, overrides require_ssl; ALLOW_UNENCRYPTED_AND_ENCRYPTED
                  // is the unencrypted one.
                  String mode = b.text("settings.ip_configuration.ssl_mode").orElse("");
                  boolean encrypted =
                      mode.isEmpty()
                          ? b.isTrue("settings.ip_configuration.require_ssl")
                          : mode.equals("ENCRYPTED_ONLY")
                              || mode.equals("TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
                  if (!encrypted
                      && !b.isUnknown("settings.ip_configuration.ssl_mode")
                      && !b.isUnknown("settings.ip_configuration.require_ssl")) {
                    sink.flag(
                        b,
                        mode.isEmpty()
                            ? "settings.ip_configuration.require_ssl"
                            : "settings.ip_configuration.ssl_mode",
                        b.address() + " accepts unencrypted connections");
                  }
                })),
        tfsec(
            "google-sql-enable-backup",
            MEDIUM,
            "Cloud SQL without backups",
            "Without backups, lost data cannot be restored.",
            "Set settings { backup_configuration { enabled = true } }.",
            each(
                "google_sql_database_instance",
                (b, sink) -> {
                  if (!b.has("master_instance_name")
                      && !b.isTrue("settings.backup_configuration.enabled")) {
                    sink.flag(
                        b,
                        "settings.backup_configuration.enabled",
                        b.address() + " has no backups");
                  }
                })),
        tfsec(
            "google-gke-enable-private-cluster",
            MEDIUM,
            "GKE nodes with public IPs",
            PUBLIC,
            "Add private_cluster_config { enable_private_nodes = true }.",
            mustBeTrue(
                "google_container_cluster",
                "private_cluster_config.enable_private_nodes",
                "gives its nodes public IP addresses")),
        tfsec(
            "google-gke-enable-master-networks",
            HIGH,
            "GKE control plane open to any network",
            PUBLIC,
            "Add master_authorized_networks_config with known ranges.",
            each(
                "google_container_cluster",
                (b, sink) -> {
                  if (!b.has("master_authorized_networks_config")) {
                    sink.flag(b, "", b.address() + " lets any network reach its control plane");
                  }
                })),
        tfsec(
            "google-gke-use-rbac-permissions",
            HIGH,
            "GKE legacy ABAC on",
            "Legacy ABAC grants broad, static permissions.",
            "Set enable_legacy_abac = false.",
            mustNotBeTrue("google_container_cluster", "enable_legacy_abac", "uses legacy ABAC")),
        tfsec(
            "google-gke-enable-network-policy",
            MEDIUM,
            "GKE without network policy",
            "Without network policy every pod can reach every other pod.",
            "Add network_policy { enabled = true }.",
            mustBeTrue(
                "google_container_cluster",
                "network_policy.enabled",
                "enforces no network policy")),
        tfsec(
            "google-kms-rotate-kms-keys",
            HIGH,
            "KMS key rotated less than every 90 days",
            "A key that rarely rotates exposes more data when it leaks.",
            "Set rotation_period to 7776000s or less.",
            value(
                "google_kms_crypto_key",
                "rotation_period",
                null,
                v -> v.endsWith("s") && seconds(v) <= 7_776_000,
                "rotates less often than every 90 days")),
        tfsec(
            "google-iam-no-default-network",
            HIGH,
            "Network with auto-created subnets",
            "Auto mode networks create subnets and permissive defaults in every region.",
            "Set auto_create_network = false (on the project) and define subnets.",
            each(
                "google_project",
                (b, sink) -> {
                  if (!b.isFalse("auto_create_network")) {
                    sink.flag(
                        b, "auto_create_network", b.address() + " creates the default network");
                  }
                })),
        tfsec(
            "google-iam-no-privileged-service-accounts",
            HIGH,
            "Service account with a privileged role",
            "A service account with owner or editor reaches everything in the project.",
            "Grant the least role the workload needs.",
            each(
                "google_project_iam_member,google_project_iam_binding,google_folder_iam_member,"
                    + "google_folder_iam_binding,google_organization_iam_member,"
                    + "google_organization_iam_binding",
                (b, sink) -> {
                  String role = b.text("role").orElse("");
                  // A member may be a template ("serviceAccount:${...email}"): its source tells.
                  List<String> members =
                      b.has("member")
                          ? b.get("member").flatMap(Node::asScalar).map(ScalarNode::value).stream()
                              .toList()
                          : b.all("members").stream()
                              .flatMap(n -> n.asScalar().stream())
                              .map(ScalarNode::value)
                              .toList();
                  if ((role.equals("roles/owner")
                          || role.equals("roles/editor")
                          || role.toLowerCase(java.util.Locale.ROOT).endsWith("admin"))
                      && members.stream()
                          .anyMatch(
                              m ->
                                  m.startsWith("serviceAccount:")
                                      || m.startsWith("\"serviceAccount:")
                                      || m.contains("google_service_account."))) {
                    sink.flag(b, "role", b.address() + " grants " + role + " to a service account");
                  }
                })),
        // Azure
        tfsec(
            "azure-network-no-public-ingress",
            CRITICAL,
            "Network security group open to the internet",
            PUBLIC,
            "Restrict source_address_prefix to known ranges.",
            azureRule("Inbound", rule -> true, "allows inbound traffic from the internet")),
        tfsec(
            "azure-network-ssh-blocked-from-internet",
            CRITICAL,
            "SSH open to the internet",
            PUBLIC,
            "Restrict SSH to a bastion or known ranges.",
            azureRule(
                "Inbound",
                rule -> ports(rule).stream().anyMatch(p -> covers(p, 22)),
                "allows SSH from the internet")),
        tfsec(
            "azure-network-disable-rdp-from-internet",
            CRITICAL,
            "RDP open to the internet",
            PUBLIC,
            "Restrict RDP to a bastion or known ranges.",
            azureRule(
                "Inbound",
                rule -> ports(rule).stream().anyMatch(p -> covers(p, 3389)),
                "allows RDP from the internet")),
        tfsec(
            "azure-storage-enforce-https",
            HIGH,
            "Storage account accepts HTTP",
            TRANSIT,
            "Set enable_https_traffic_only = true (https_traffic_only_enabled in azurerm 4).",
            each(
                "azurerm_storage_account",
                (b, sink) -> {
                  if (b.isFalse("enable_https_traffic_only")
                      || b.isFalse("https_traffic_only_enabled")) {
                    sink.flag(
                        b,
                        b.has("enable_https_traffic_only")
                            ? "enable_https_traffic_only"
                            : "https_traffic_only_enabled",
                        b.address() + " accepts plain HTTP");
                  }
                })),
        tfsec(
            "azure-storage-use-secure-tls-policy",
            HIGH,
            "Storage account allows old TLS",
            TRANSIT,
            "Set min_tls_version = \"TLS1_2\".",
            value(
                "azurerm_storage_account",
                "min_tls_version",
                "TLS1_0",
                v -> v.equals("TLS1_2"),
                "accepts TLS older than 1.2")),
        tfsec(
            "azure-storage-no-public-access",
            HIGH,
            "Storage container public",
            PUBLIC,
            "Set container_access_type = \"private\".",
            value(
                "azurerm_storage_container",
                "container_access_type",
                "private",
                v -> v.equals("private"),
                "is publicly readable")),
        tfsec(
            "azure-storage-default-action-deny",
            MEDIUM,
            "Storage network rules allow by default",
            PUBLIC,
            "Set network_rules { default_action = \"Deny\" }.",
            each(
                "azurerm_storage_account,azurerm_storage_account_network_rules",
                (b, sink) -> {
                  // The separate resource holds default_action at its top level.
                  String path =
                      b.type().equals("azurerm_storage_account")
                          ? "network_rules.default_action"
                          : "default_action";
                  if (b.text(path).orElse("").equals("Allow")) {
                    sink.flag(
                        b,
                        path,
                        b.address() + " allows every network by default (" + path + " = Allow)");
                  }
                })),
        tfsec(
            "azure-database-no-public-access",
            HIGH,
            "Database server public",
            PUBLIC,
            "Set public_network_access_enabled = false.",
            each(
                "azurerm_mariadb_server,azurerm_mssql_server,azurerm_sql_server,azurerm_mysql_server,azurerm_postgresql_server",
                (b, sink) -> {
                  if (!b.isFalse("public_network_access_enabled")
                      && !b.isUnknown("public_network_access_enabled")) {
                    sink.flag(
                        b,
                        "public_network_access_enabled",
                        b.address() + " is reachable from public networks");
                  }
                })),
        tfsec(
            "azure-database-enable-ssl-enforcement",
            MEDIUM,
            "Database server accepts unencrypted connections",
            TRANSIT,
            "Set ssl_enforcement_enabled = true.",
            mustBeTrue(
                "azurerm_mariadb_server,azurerm_mysql_server,azurerm_postgresql_server",
                "ssl_enforcement_enabled",
                "accepts unencrypted connections")),
        tfsec(
            "azure-keyvault-no-purge",
            MEDIUM,
            "Key vault can be purged",
            "Without purge protection, a deleted vault and its keys are gone for good.",
            "Set purge_protection_enabled = true.",
            mustBeTrue("azurerm_key_vault", "purge_protection_enabled", "can be purged")),
        tfsec(
            "azure-keyvault-specify-network-acl",
            CRITICAL,
            "Key vault open to every network",
            PUBLIC,
            "Add network_acls { default_action = \"Deny\" }.",
            value(
                "azurerm_key_vault",
                "network_acls.default_action",
                "Allow",
                v -> v.equals("Deny"),
                "allows every network")),
        tfsec(
            "azure-container-limit-authorized-ips",
            CRITICAL,
            "AKS API server open to any IP",
            PUBLIC,
            "Set api_server_authorized_ip_ranges, or make the cluster private.",
            each(
                "azurerm_kubernetes_cluster",
                (b, sink) -> {
                  if (!b.isTrue("private_cluster_enabled")
                      && !b.has("api_server_authorized_ip_ranges")
                      && !b.has("api_server_access_profile.authorized_ip_ranges")) {
                    sink.flag(b, "", b.address() + " lets any IP reach its API server");
                  }
                })),
        tfsec(
            "azure-compute-disable-password-authentication",
            HIGH,
            "VM allows password login",
            "Passwords are guessed; SSH keys are not.",
            "Set disable_password_authentication = true.",
            each(
                "azurerm_linux_virtual_machine",
                (b, sink) -> {
                  if (b.isFalse("disable_password_authentication")) {
                    sink.flag(
                        b,
                        "disable_password_authentication",
                        b.address() + " allows password login");
                  }
                })),
        // Any provider
        own(
            "unpinned-provider",
            MEDIUM,
            "Provider without a version constraint",
            "Without a constraint, the next init may install a new major version with breaking or unreviewed changes.",
            "Add version = \"~> X.Y\" under terraform { required_providers { ... } } and commit .terraform.lock.hcl.",
            (config, sink) ->
                config
                    .kind("terraform")
                    .forEach(
                        terraform ->
                            terraform
                                .all("required_providers")
                                .forEach(
                                    providers ->
                                        providers
                                            .asMap()
                                            .ifPresent(
                                                map -> {
                                                  for (MapNode.Entry entry : map.entries()) {
                                                    boolean pinned =
                                                        entry.value() instanceof MapNode spec
                                                            ? spec.get("version").isPresent()
                                                            : entry.value()
                                                                    instanceof ScalarNode scalar
                                                                && !scalar.value().isBlank();
                                                    if (!pinned) {
                                                      sink.at(
                                                          terraform,
                                                          entry.key().line(),
                                                          "provider "
                                                              + entry.key().value()
                                                              + " has no version constraint");
                                                    }
                                                  }
                                                })))),
        own(
            "unpinned-module",
            MEDIUM,
            "Module without a pinned version",
            "An unpinned module changes under you: the next init fetches whatever its source holds now.",
            "Give registry modules a version, and git sources a ?ref= tag or commit.",
            (config, sink) ->
                config
                    .kind("module")
                    .forEach(
                        module -> {
                          String source = module.text("source").orElse("");
                          boolean local = source.startsWith("./") || source.startsWith("../");
                          boolean git =
                              source.startsWith("git::")
                                  || source.startsWith("github.com/")
                                  || source.startsWith("git@")
                                  || source.contains(".git");
                          if (local || source.isEmpty()) {
                            return;
                          }
                          if (git ? !GIT_REF.matcher(source).matches() : !module.has("version")) {
                            sink.flag(
                                module,
                                "source",
                                module.address()
                                    + " uses "
                                    + source
                                    + (git ? " without ?ref=" : " without a version"));
                          }
                        })),
        own(
            "hardcoded-credential",
            CRITICAL,
            "Credential written in the configuration",
            "Credentials in .tf files end up in version control, plans and state, readable by everyone with access.",
            "Use variables marked sensitive, environment variables, or a secrets manager data source.",
            (config, sink) ->
                config.blocks().forEach(block -> credentials(block, block.body(), "", sink))));
  }

  private static long seconds(String duration) {
    try {
      return (long) Double.parseDouble(duration.substring(0, duration.length() - 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void credentials(Block block, Node node, String path, TerraformCheck.Sink sink) {
    if (!(node instanceof MapNode map) || block.kind().equals("variable")) {
      return;
    }
    for (MapNode.Entry entry : map.entries()) {
      String key = entry.key().value();
      String child = path.isEmpty() ? key : path + "." + key;
      if (entry.value() instanceof ScalarNode scalar) {
        String value = scalar.value();
        boolean literal =
            !scalar.isExpression()
                && !scalar.isNull()
                && value.length() >= 8
                && !value.startsWith("arn:");
        boolean named = CREDENTIAL_NAME.matcher(key).matches();
        if (literal && (named || value.matches("AKIA[0-9A-Z]{16}"))) {
          sink.flag(block, child, block.address() + " sets " + child + " to a literal value");
        }
      } else if (entry.value() instanceof dev.sremcp.domain.tree.ListNode list) {
        list.items().forEach(item -> credentials(block, item, child, sink));
      } else {
        credentials(block, entry.value(), child, sink);
      }
    }
  }

  private static TerraformCheck.Check azureRule(
      String direction, java.util.function.Predicate<Node> also, String what) {
    return each(
        "azurerm_network_security_group,azurerm_network_security_rule",
        (b, sink) -> {
          List<Node> rules =
              b.type().equals("azurerm_network_security_rule")
                  ? List.of(b.body())
                  : b.all("security_rule");
          for (Node rule : rules) {
            boolean inbound = rule.text("direction").orElse(direction).equalsIgnoreCase(direction);
            boolean allow = rule.text("access").orElse("Allow").equalsIgnoreCase("Allow");
            List<String> sources = new java.util.ArrayList<>();
            rule.text("source_address_prefix").ifPresent(sources::add);
            rule.items("source_address_prefixes")
                .forEach(n -> n.asScalar().ifPresent(s -> sources.add(s.value())));
            boolean open =
                sources.stream()
                    .anyMatch(
                        s ->
                            s.equals("*")
                                || s.equalsIgnoreCase("internet")
                                || s.equalsIgnoreCase("any")
                                || Cidrs.publicWide(s));
            if (inbound && allow && open && also.test(rule)) {
              sink.at(b, rule.line(), b.address() + " " + what);
              return;
            }
          }
        });
  }

  private static List<String> ports(Node rule) {
    List<String> ports = new java.util.ArrayList<>();
    rule.text("destination_port_range").ifPresent(ports::add);
    rule.items("destination_port_ranges")
        .forEach(n -> n.asScalar().ifPresent(s -> ports.add(s.value())));
    return ports;
  }

  private static boolean covers(String range, int port) {
    if (range.equals("*")) {
      return true;
    }
    String[] bounds = range.split("-");
    if (bounds.length == 0) {
      return false;
    }
    try {
      int low = Integer.parseInt(bounds[0].strip());
      int high = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : low;
      return low <= port && port <= high;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
