package dev.sremcp.domain.terraform;

import static dev.sremcp.domain.report.Severity.CRITICAL;
import static dev.sremcp.domain.report.Severity.HIGH;
import static dev.sremcp.domain.report.Severity.LOW;
import static dev.sremcp.domain.report.Severity.MEDIUM;
import static dev.sremcp.domain.terraform.TerraformCheck.declared;
import static dev.sremcp.domain.terraform.TerraformCheck.each;
import static dev.sremcp.domain.terraform.TerraformCheck.mustBeSet;
import static dev.sremcp.domain.terraform.TerraformCheck.mustBeTrue;
import static dev.sremcp.domain.terraform.TerraformCheck.mustNotBeTrue;
import static dev.sremcp.domain.terraform.TerraformCheck.oneOf;
import static dev.sremcp.domain.terraform.TerraformCheck.tfsec;
import static dev.sremcp.domain.terraform.TerraformCheck.value;

import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The AWS checks, one per tfsec check they cover; the conditions follow tfsec 1.28's. */
final class AwsChecks {

  private static final String ENCRYPT =
      "Data at rest without encryption is readable by anyone who gets the disk, snapshot or backup.";
  private static final String CMK =
      "AWS-managed keys cannot be rotated, restricted or audited by you; a customer-managed KMS key can.";
  private static final String LOGGING =
      "Without logs there is no record of who did what, for incident response or audit.";
  private static final String TRANSIT =
      "Traffic in clear text can be read or altered by anyone on the path.";
  private static final String PUBLIC =
      "A resource reachable from the internet is attacked from the internet.";
  private static final String PASSWORD =
      "A weak account password policy makes console passwords easy to guess or reuse.";
  private static final List<String> IAM_POLICIES =
      List.of(
          "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy");
  private static final Set<String> WEAK_ELB =
      Set.of(
          "ELBSecurityPolicy-2015-05",
          "ELBSecurityPolicy-TLS-1-0-2015-04",
          "ELBSecurityPolicy-2016-08",
          "ELBSecurityPolicy-TLS-1-1-2017-01");

  private AwsChecks() {}

  static List<TerraformCheck> all() {
    return List.of(
        // API Gateway
        tfsec(
            "aws-api-gateway-enable-access-logging",
            MEDIUM,
            "API Gateway stage without access logs",
            LOGGING,
            "Add access_log_settings { destination_arn = ... } to the stage.",
            mustBeSet(
                "aws_api_gateway_stage,aws_apigatewayv2_stage",
                "access_log_settings.destination_arn",
                "logs no access")),
        tfsec(
            "aws-api-gateway-enable-cache-encryption",
            MEDIUM,
            "API Gateway cache not encrypted",
            ENCRYPT,
            "Set settings { cache_data_encrypted = true }.",
            each(
                "aws_api_gateway_method_settings",
                (b, sink) -> {
                  if (b.isTrue("settings.caching_enabled")
                      && !b.isTrue("settings.cache_data_encrypted")
                      && !b.isUnknown("settings.cache_data_encrypted")) {
                    sink.flag(
                        b,
                        "settings.caching_enabled",
                        b.address() + " caches responses unencrypted");
                  }
                })),
        tfsec(
            "aws-api-gateway-enable-cache",
            LOW,
            "API Gateway method settings without caching",
            "Without a cache every request reaches the backend; it costs latency and money.",
            "Set settings { caching_enabled = true }.",
            mustBeTrue(
                "aws_api_gateway_method_settings", "settings.caching_enabled", "does not cache")),
        tfsec(
            "aws-api-gateway-enable-tracing",
            LOW,
            "API Gateway stage without X-Ray tracing",
            "Without tracing a slow or failing request cannot be followed through the backend.",
            "Set xray_tracing_enabled = true.",
            mustBeTrue("aws_api_gateway_stage", "xray_tracing_enabled", "is not traced")),
        tfsec(
            "aws-api-gateway-no-public-access",
            LOW,
            "API Gateway method without authorization",
            PUBLIC,
            "Set authorization (AWS_IAM, COGNITO_USER_POOLS, CUSTOM) or api_key_required = true.",
            each(
                "aws_api_gateway_method",
                (b, sink) -> {
                  if (b.text("authorization").orElse("").equals("NONE")
                      && !b.isTrue("api_key_required")
                      && !b.text("http_method").orElse("").equals("OPTIONS")) {
                    sink.flag(
                        b,
                        "authorization",
                        b.address() + " lets anyone call it (authorization = NONE, no API key)");
                  }
                })),
        tfsec(
            "aws-api-gateway-use-secure-tls-policy",
            HIGH,
            "API Gateway domain allows TLS 1.0",
            TRANSIT,
            "Set security_policy = \"TLS_1_2\".",
            each(
                "aws_api_gateway_domain_name,aws_apigatewayv2_domain_name",
                (b, sink) -> {
                  String path =
                      b.type().equals("aws_apigatewayv2_domain_name")
                          ? "domain_name_configuration.security_policy"
                          : "security_policy";
                  if (!b.isUnknown(path) && !b.text(path).orElse("TLS_1_0").equals("TLS_1_2")) {
                    sink.flag(b, path, b.address() + " accepts TLS older than 1.2");
                  }
                })),
        // Athena
        tfsec(
            "aws-athena-enable-at-rest-encryption",
            HIGH,
            "Athena results not encrypted",
            ENCRYPT,
            "Add an encryption_configuration (SSE_KMS or CSE_KMS).",
            each(
                "aws_athena_database,aws_athena_workgroup",
                (b, sink) -> {
                  String path =
                      b.type().equals("aws_athena_database")
                          ? "encryption_configuration.encryption_option"
                          : "configuration.result_configuration.encryption_configuration.encryption_option";
                  if (!b.has(path)) {
                    sink.flag(b, path, b.address() + " stores query results unencrypted");
                  }
                })),
        tfsec(
            "aws-athena-no-encryption-override",
            HIGH,
            "Athena workgroup lets clients override its settings",
            "Clients can turn encryption off for their queries.",
            "Set configuration { enforce_workgroup_configuration = true }.",
            each(
                "aws_athena_workgroup",
                (b, sink) -> {
                  if (!b.has("configuration")
                      || b.isFalse("configuration.enforce_workgroup_configuration")) {
                    sink.flag(
                        b,
                        "configuration.enforce_workgroup_configuration",
                        b.address() + " does not enforce its configuration");
                  }
                })),
        // CloudFront
        tfsec(
            "aws-cloudfront-enable-logging",
            MEDIUM,
            "CloudFront distribution without access logs",
            LOGGING,
            "Add logging_config { bucket = ... }.",
            mustBeSet("aws_cloudfront_distribution", "logging_config.bucket", "logs no access")),
        tfsec(
            "aws-cloudfront-enable-waf",
            HIGH,
            "CloudFront distribution without WAF",
            "Without a web ACL, common web attacks reach the origin unfiltered.",
            "Set web_acl_id to a WAF web ACL.",
            mustBeSet("aws_cloudfront_distribution", "web_acl_id", "has no WAF")),
        tfsec(
            "aws-cloudfront-enforce-https",
            CRITICAL,
            "CloudFront allows plain HTTP",
            TRANSIT,
            "Set viewer_protocol_policy = \"redirect-to-https\" or \"https-only\" on every cache behaviour.",
            each(
                "aws_cloudfront_distribution",
                (b, sink) -> {
                  for (String behaviour :
                      List.of("default_cache_behavior", "ordered_cache_behavior")) {
                    for (Node node : b.all(behaviour)) {
                      String policy = node.text("viewer_protocol_policy").orElse(null);
                      if ("allow-all".equals(policy)) {
                        sink.flag(
                            b,
                            behaviour + ".viewer_protocol_policy",
                            b.address() + " serves " + behaviour + " over plain HTTP");
                      }
                    }
                  }
                })),
        tfsec(
            "aws-cloudfront-use-secure-tls-policy",
            HIGH,
            "CloudFront allows old TLS",
            TRANSIT,
            "Set viewer_certificate { minimum_protocol_version = \"TLSv1.2_2021\" }.",
            value(
                "aws_cloudfront_distribution",
                "viewer_certificate.minimum_protocol_version",
                "TLSv1",
                v -> v.equals("TLSv1.2_2021"),
                "accepts TLS older than 1.2")),
        // CloudTrail
        tfsec(
            "aws-cloudtrail-enable-all-regions",
            MEDIUM,
            "CloudTrail trail in one region only",
            LOGGING,
            "Set is_multi_region_trail = true.",
            mustBeTrue("aws_cloudtrail", "is_multi_region_trail", "records one region only")),
        tfsec(
            "aws-cloudtrail-enable-at-rest-encryption",
            HIGH,
            "CloudTrail logs not encrypted with KMS",
            ENCRYPT,
            "Set kms_key_id.",
            mustBeSet("aws_cloudtrail", "kms_key_id", "is not encrypted with a KMS key")),
        tfsec(
            "aws-cloudtrail-enable-log-validation",
            HIGH,
            "CloudTrail log validation off",
            "Without validation, altered or deleted log files go unnoticed.",
            "Set enable_log_file_validation = true.",
            mustBeTrue(
                "aws_cloudtrail", "enable_log_file_validation", "does not validate its log files")),
        tfsec(
            "aws-cloudtrail-ensure-cloudwatch-integration",
            LOW,
            "CloudTrail not sent to CloudWatch",
            "Without CloudWatch Logs nothing alerts on API activity as it happens.",
            "Set cloud_watch_logs_group_arn.",
            mustBeSet(
                "aws_cloudtrail", "cloud_watch_logs_group_arn", "is not sent to CloudWatch Logs")),
        tfsec(
            "aws-cloudtrail-no-public-log-access",
            CRITICAL,
            "CloudTrail bucket is public",
            PUBLIC,
            "Keep the trail's bucket private (no public ACL, a public access block).",
            (config, sink) ->
                config
                    .resources("aws_cloudtrail")
                    .forEach(
                        trail ->
                            config
                                .resources("aws_s3_bucket")
                                .forEach(
                                    bucket -> {
                                      if (trail.refersTo("s3_bucket_name", bucket, "bucket")
                                          && publicAcl(acl(config, bucket))
                                          && !aclsBlocked(config, bucket)) {
                                        sink.flag(
                                            trail,
                                            "s3_bucket_name",
                                            trail.address()
                                                + " writes to "
                                                + bucket.address()
                                                + ", whose ACL is "
                                                + acl(config, bucket));
                                      }
                                    }))),
        tfsec(
            "aws-cloudtrail-require-bucket-access-logging",
            LOW,
            "CloudTrail bucket without access logs",
            LOGGING,
            "Enable access logging on the trail's bucket.",
            (config, sink) ->
                config
                    .resources("aws_cloudtrail")
                    .forEach(
                        trail ->
                            config
                                .resources("aws_s3_bucket")
                                .forEach(
                                    bucket -> {
                                      if (trail.refersTo("s3_bucket_name", bucket, "bucket")
                                          && !bucket.has("logging.target_bucket")
                                          && config
                                              .referring(
                                                  "aws_s3_bucket_logging",
                                                  "bucket",
                                                  bucket,
                                                  "bucket")
                                              .findAny()
                                              .isEmpty()) {
                                        sink.flag(
                                            trail,
                                            "s3_bucket_name",
                                            trail.address()
                                                + " writes to "
                                                + bucket.address()
                                                + ", which logs no access");
                                      }
                                    }))),
        tfsec(
            "aws-cloudwatch-log-group-customer-key",
            LOW,
            "Log group not encrypted with a customer key",
            CMK,
            "Set kms_key_id.",
            mustBeSet(
                "aws_cloudwatch_log_group", "kms_key_id", "is not encrypted with a customer key")),
        tfsec(
            "aws-codebuild-enable-encryption",
            HIGH,
            "CodeBuild artifacts not encrypted",
            ENCRYPT,
            "Remove encryption_disabled = true from artifacts.",
            each(
                "aws_codebuild_project",
                (b, sink) -> {
                  for (String path : List.of("artifacts", "secondary_artifacts")) {
                    for (Node artifact : b.all(path)) {
                      if (artifact
                              .at("encryption_disabled")
                              .flatMap(Node::asScalar)
                              .flatMap(ScalarNode::asBoolean)
                              .orElse(false)
                          && !artifact.text("type").orElse("").equals("NO_ARTIFACTS")) {
                        sink.flag(
                            b,
                            path + ".encryption_disabled",
                            b.address() + " stores " + path + " unencrypted");
                      }
                    }
                  }
                })),
        tfsec(
            "aws-config-aggregate-all-regions",
            HIGH,
            "Config aggregator misses regions",
            "Resources in regions the aggregator skips are not recorded.",
            "Set all_regions = true in the aggregation source.",
            each(
                "aws_config_configuration_aggregator",
                (b, sink) -> {
                  String source =
                      b.has("organization_aggregation_source")
                          ? "organization_aggregation_source"
                          : "account_aggregation_source";
                  if (!b.isTrue(source + ".all_regions") && !b.isUnknown(source + ".all_regions")) {
                    sink.flag(b, source, b.address() + " does not aggregate all regions");
                  }
                })),
        // DocumentDB
        tfsec(
            "aws-documentdb-enable-log-export",
            MEDIUM,
            "DocumentDB logs not exported",
            LOGGING,
            "Set enabled_cloudwatch_logs_exports = [\"audit\", \"profiler\"].",
            each(
                "aws_docdb_cluster",
                (b, sink) -> {
                  List<String> exports =
                      b.all("enabled_cloudwatch_logs_exports").stream()
                          .flatMap(n -> n.asScalar().stream())
                          .map(ScalarNode::value)
                          .toList();
                  if (!b.isUnknown("enabled_cloudwatch_logs_exports")
                      && !exports.contains("audit")
                      && !exports.contains("profiler")) {
                    sink.flag(
                        b,
                        "enabled_cloudwatch_logs_exports",
                        b.address() + " exports neither audit nor profiler logs");
                  }
                })),
        tfsec(
            "aws-documentdb-enable-storage-encryption",
            HIGH,
            "DocumentDB storage not encrypted",
            ENCRYPT,
            "Set storage_encrypted = true.",
            mustBeTrue("aws_docdb_cluster", "storage_encrypted", "stores data unencrypted")),
        tfsec(
            "aws-documentdb-encryption-customer-key",
            LOW,
            "DocumentDB not encrypted with a customer key",
            CMK,
            "Set kms_key_id.",
            mustBeSet("aws_docdb_cluster", "kms_key_id", "is not encrypted with a customer key")),
        // DynamoDB
        tfsec(
            "aws-dynamodb-enable-at-rest-encryption",
            HIGH,
            "DAX cluster not encrypted",
            ENCRYPT,
            "Add server_side_encryption { enabled = true }.",
            mustBeTrue(
                "aws_dax_cluster", "server_side_encryption.enabled", "stores data unencrypted")),
        tfsec(
            "aws-dynamodb-enable-recovery",
            MEDIUM,
            "DynamoDB table without point-in-time recovery",
            "Without it, a bad write or delete cannot be rolled back.",
            "Add point_in_time_recovery { enabled = true }.",
            mustBeTrue(
                "aws_dynamodb_table",
                "point_in_time_recovery.enabled",
                "has no point-in-time recovery")),
        tfsec(
            "aws-dynamodb-table-customer-key",
            LOW,
            "DynamoDB table not encrypted with a customer key",
            CMK,
            "Add server_side_encryption { enabled = true, kms_key_arn = ... }.",
            each(
                "aws_dynamodb_table",
                (b, sink) -> {
                  String key = b.text("server_side_encryption.kms_key_arn").orElse("");
                  if (!b.isUnknown("server_side_encryption.kms_key_arn")
                      && (key.isEmpty() || key.equals("alias/aws/dynamodb"))) {
                    sink.flag(
                        b,
                        "server_side_encryption",
                        b.address() + " is not encrypted with a customer key");
                  }
                })),
        // EC2 and VPC
        tfsec(
            "aws-ec2-add-description-to-security-group",
            LOW,
            "Security group without a description",
            "Without a description nobody knows why the group exists or what may be removed.",
            "Set description.",
            mustBeSet("aws_security_group", "description", "has no description")),
        tfsec(
            "aws-ec2-add-description-to-security-group-rule",
            LOW,
            "Security group rule without a description",
            "Without a description nobody knows why a rule is open.",
            "Set description on each rule.",
            each(
                "aws_security_group,aws_security_group_rule",
                (b, sink) -> {
                  if (b.type().equals("aws_security_group_rule")) {
                    if (!b.has("description")) {
                      sink.flag(b, "", b.address() + " has no description");
                    }
                    return;
                  }
                  for (String direction : List.of("ingress", "egress")) {
                    for (Node rule : b.all(direction)) {
                      if (rule.text("description").filter(d -> !d.isBlank()).isEmpty()
                          && rule.at("description")
                              .flatMap(Node::asScalar)
                              .filter(ScalarNode::isExpression)
                              .isEmpty()) {
                        sink.at(
                            b,
                            rule.line(),
                            b.address() + " has an " + direction + " rule without a description");
                      }
                    }
                  }
                })),
        tfsec(
            "aws-ec2-enable-at-rest-encryption",
            HIGH,
            "Instance disks not encrypted",
            ENCRYPT,
            "Set root_block_device { encrypted = true } (and on every ebs_block_device), or enable EBS encryption by default.",
            (config, sink) -> {
              if (config
                  .resources("aws_ebs_encryption_by_default")
                  .anyMatch(b -> !b.isFalse("enabled"))) {
                return;
              }
              config.resources("aws_instance").forEach(b -> blockDevices(b, sink));
            }),
        tfsec(
            "aws-ec2-enable-launch-config-at-rest-encryption",
            HIGH,
            "Launch configuration disks not encrypted",
            ENCRYPT,
            "Set encrypted = true on root_block_device and every ebs_block_device.",
            (config, sink) -> {
              if (config
                  .resources("aws_ebs_encryption_by_default")
                  .anyMatch(b -> !b.isFalse("enabled"))) {
                return;
              }
              config.resources("aws_launch_configuration").forEach(b -> blockDevices(b, sink));
            }),
        tfsec(
            "aws-ec2-enable-volume-encryption",
            HIGH,
            "EBS volume not encrypted",
            ENCRYPT,
            "Set encrypted = true.",
            mustBeTrue("aws_ebs_volume", "encrypted", "is not encrypted")),
        tfsec(
            "aws-ec2-enforce-http-token-imds",
            HIGH,
            "Instance metadata without IMDSv2",
            "IMDSv1 answers any request from the instance, which SSRF bugs turn into stolen credentials.",
            "Set metadata_options { http_tokens = \"required\" }.",
            imds("aws_instance")),
        tfsec(
            "aws-ec2-enforce-launch-config-http-token-imds",
            HIGH,
            "Launch template metadata without IMDSv2",
            "IMDSv1 answers any request from the instance, which SSRF bugs turn into stolen credentials.",
            "Set metadata_options { http_tokens = \"required\" }.",
            imds("aws_launch_configuration,aws_launch_template")),
        tfsec(
            "aws-ec2-no-default-vpc",
            HIGH,
            "Default VPC in use",
            "The default VPC has public subnets and permissive defaults nobody designed.",
            "Create a VPC of your own.",
            declared("aws_default_vpc", "manages the default VPC")),
        tfsec(
            "aws-ec2-no-excessive-port-access",
            CRITICAL,
            "Network ACL allows every protocol",
            "An ACL rule for all protocols and ports opens everything, not only what is needed.",
            "Allow specific protocols and port ranges.",
            each(
                "aws_network_acl_rule",
                (b, sink) -> {
                  String protocol = b.text("protocol").orElse("-1");
                  if (b.text("rule_action").orElse("").equals("allow")
                      && (protocol.equals("-1") || protocol.equals("all"))) {
                    sink.flag(b, "protocol", b.address() + " allows all protocols");
                  }
                })),
        tfsec(
            "aws-ec2-no-public-egress-sgr",
            CRITICAL,
            "Security group allows egress to the internet",
            "Unrestricted egress lets a compromised host send data anywhere.",
            "Restrict egress to the destinations needed.",
            openRule("egress")),
        tfsec(
            "aws-ec2-no-public-ingress-acl",
            CRITICAL,
            "Network ACL allows ingress from the internet",
            PUBLIC,
            "Restrict cidr_block to known ranges.",
            each(
                "aws_network_acl_rule",
                (b, sink) -> {
                  if (!b.isTrue("egress")
                      && b.text("rule_action").orElse("").equals("allow")
                      && (b.text("cidr_block").filter(Cidrs::publicWide).isPresent()
                          || b.text("ipv6_cidr_block").filter(Cidrs::publicWide).isPresent())) {
                    sink.flag(
                        b,
                        b.has("cidr_block") ? "cidr_block" : "ipv6_cidr_block",
                        b.address() + " allows ingress from the internet");
                  }
                })),
        tfsec(
            "aws-ec2-no-public-ingress-sgr",
            CRITICAL,
            "Security group open to the internet",
            PUBLIC
                + " Admin ports (22, 3389) and databases open to 0.0.0.0/0 are scanned within minutes.",
            "Restrict cidr_blocks to known ranges, or put the service behind a load balancer or a bastion.",
            openRule("ingress")),
        tfsec(
            "aws-ec2-no-public-ip",
            HIGH,
            "Launch configuration gives instances public IPs",
            PUBLIC,
            "Set associate_public_ip_address = false.",
            mustNotBeTrue(
                "aws_launch_configuration",
                "associate_public_ip_address",
                "gives its instances public IP addresses")),
        tfsec(
            "aws-ec2-no-public-ip-subnet",
            HIGH,
            "Subnet gives instances public IPs",
            PUBLIC,
            "Set map_public_ip_on_launch = false.",
            mustNotBeTrue(
                "aws_subnet", "map_public_ip_on_launch", "gives instances public IP addresses")),
        tfsec(
            "aws-ec2-no-secrets-in-launch-template-user-data",
            CRITICAL,
            "Secret in launch template user data",
            "User data is readable by anyone who can describe the instance or reach its metadata.",
            "Read secrets at boot from Secrets Manager or SSM Parameter Store.",
            secretsIn("aws_launch_template", "user_data")),
        tfsec(
            "aws-ec2-no-secrets-in-user-data",
            CRITICAL,
            "Secret in instance user data",
            "User data is readable by anyone who can describe the instance or reach its metadata.",
            "Read secrets at boot from Secrets Manager or SSM Parameter Store.",
            secretsIn("aws_instance", "user_data")),
        tfsec(
            "aws-ec2-no-sensitive-info",
            HIGH,
            "Secret in launch configuration user data",
            "User data is readable by anyone who can describe the instance or reach its metadata.",
            "Read secrets at boot from Secrets Manager or SSM Parameter Store.",
            secretsIn("aws_launch_configuration", "user_data")),
        tfsec(
            "aws-ec2-require-vpc-flow-logs-for-all-vpcs",
            MEDIUM,
            "VPC without flow logs",
            LOGGING,
            "Add an aws_flow_log for the VPC.",
            (config, sink) ->
                config
                    .resources("aws_vpc")
                    .forEach(
                        vpc -> {
                          if (config
                              .referring("aws_flow_log", "vpc_id", vpc, "id")
                              .findAny()
                              .isEmpty()) {
                            sink.flag(vpc, "", vpc.address() + " has no flow log");
                          }
                        })),
        tfsec(
            "aws-ec2-volume-encryption-customer-key",
            LOW,
            "EBS volume not encrypted with a customer key",
            CMK,
            "Set kms_key_id.",
            mustBeSet("aws_ebs_volume", "kms_key_id", "is not encrypted with a customer key")),
        // ECR and ECS
        tfsec(
            "aws-ecr-enable-image-scans",
            HIGH,
            "ECR repository does not scan images",
            "Known vulnerabilities in pushed images go unnoticed.",
            "Add image_scanning_configuration { scan_on_push = true }.",
            mustBeTrue(
                "aws_ecr_repository",
                "image_scanning_configuration.scan_on_push",
                "does not scan pushed images")),
        tfsec(
            "aws-ecr-enforce-immutable-repository",
            HIGH,
            "ECR tags are mutable",
            "A pushed tag can be overwritten: the image a deployment runs can change under it.",
            "Set image_tag_mutability = \"IMMUTABLE\".",
            value(
                "aws_ecr_repository",
                "image_tag_mutability",
                "MUTABLE",
                v -> v.equals("IMMUTABLE"),
                "lets tags be overwritten")),
        tfsec(
            "aws-ecr-no-public-access",
            HIGH,
            "ECR repository policy allows anyone",
            PUBLIC,
            "Name the principals allowed.",
            each(
                "aws_ecr_repository_policy",
                (b, sink) -> {
                  for (Policies.Statement statement : Policies.document(b, "policy")) {
                    if (statement.allow() && statement.principals().contains("*")) {
                      sink.flag(b, "policy", b.address() + " allows any principal");
                    }
                  }
                })),
        tfsec(
            "aws-ecr-repository-customer-key",
            LOW,
            "ECR repository not encrypted with a customer key",
            CMK,
            "Add encryption_configuration { encryption_type = \"KMS\", kms_key = ... }.",
            value(
                "aws_ecr_repository",
                "encryption_configuration.encryption_type",
                "AES256",
                v -> v.equals("KMS"),
                "is not encrypted with a customer key")),
        tfsec(
            "aws-ecs-enable-container-insight",
            LOW,
            "ECS cluster without Container Insights",
            "Without Container Insights there are no per-task metrics to diagnose with.",
            "Add setting { name = \"containerInsights\", value = \"enabled\" }.",
            each(
                "aws_ecs_cluster",
                (b, sink) -> {
                  boolean enabled =
                      b.all("setting").stream()
                          .anyMatch(
                              s ->
                                  s.text("name").orElse("").equals("containerInsights")
                                      && s.text("value").orElse("").equals("enabled"));
                  if (!enabled) {
                    sink.flag(b, "", b.address() + " has no Container Insights");
                  }
                })),
        tfsec(
            "aws-ecs-enable-in-transit-encryption",
            HIGH,
            "ECS EFS volume without transit encryption",
            TRANSIT,
            "Set transit_encryption = \"ENABLED\" in efs_volume_configuration.",
            each(
                "aws_ecs_task_definition",
                (b, sink) -> {
                  for (Node volume : b.all("volume")) {
                    for (Node efs : volume.items("efs_volume_configuration")) {
                      if (!efs.text("transit_encryption").orElse("DISABLED").equals("ENABLED")) {
                        sink.at(
                            b,
                            efs.at("transit_encryption").map(Node::line).orElse(efs.line()),
                            b.address() + " mounts EFS without transit encryption");
                      }
                    }
                  }
                })),
        tfsec(
            "aws-ecs-no-plaintext-secrets",
            CRITICAL,
            "Secret in an ECS container definition",
            "Task definitions are readable by anyone with describe access, and the value lands in the console.",
            "Use the container definition's secrets with valueFrom (Secrets Manager or SSM).",
            each(
                "aws_ecs_task_definition",
                (b, sink) -> {
                  for (Node container : b.all("container_definitions")) {
                    for (Node environment : container.items("environment")) {
                      String name = environment.text("name").orElse("");
                      String value = environment.text("value").orElse("");
                      if (!value.isEmpty()
                          && (name.matches(
                                  "(?i).*(password|secret|private_key|aws_access_key_id|aws_secret_access_key|token).*")
                              || Policies.holdsSecret(name + "=" + value))) {
                        sink.flag(
                            b,
                            "container_definitions",
                            b.address() + " sets " + name + " in plain text");
                      }
                    }
                  }
                })),
        // EFS, EKS
        tfsec(
            "aws-efs-enable-at-rest-encryption",
            HIGH,
            "EFS file system not encrypted",
            ENCRYPT,
            "Set encrypted = true.",
            mustBeTrue("aws_efs_file_system", "encrypted", "is not encrypted")),
        tfsec(
            "aws-eks-enable-control-plane-logging",
            MEDIUM,
            "EKS control plane logs off",
            LOGGING,
            "Set enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"].",
            each(
                "aws_eks_cluster",
                (b, sink) -> {
                  if (b.isUnknown("enabled_cluster_log_types")) {
                    return;
                  }
                  List<String> types =
                      b.all("enabled_cluster_log_types").stream()
                          .flatMap(n -> n.asScalar().stream())
                          .map(ScalarNode::value)
                          .toList();
                  List<String> missing =
                      List.of("api", "audit", "authenticator", "controllerManager", "scheduler")
                          .stream()
                          .filter(t -> !types.contains(t))
                          .toList();
                  if (!missing.isEmpty()) {
                    sink.flag(
                        b,
                        "enabled_cluster_log_types",
                        b.address() + " does not log " + String.join(", ", missing));
                  }
                })),
        tfsec(
            "aws-eks-encrypt-secrets",
            HIGH,
            "EKS secrets not encrypted with KMS",
            ENCRYPT,
            "Add encryption_config { resources = [\"secrets\"], provider { key_arn = ... } }.",
            each(
                "aws_eks_cluster",
                (b, sink) -> {
                  boolean secrets =
                      b.all("encryption_config").stream()
                          .anyMatch(
                              c ->
                                  c.items("resources").stream()
                                          .anyMatch(
                                              r ->
                                                  r.asScalar()
                                                      .map(s -> s.value().equals("secrets"))
                                                      .orElse(false))
                                      && c.at("provider").isPresent());
                  if (!secrets && !b.isUnknown("encryption_config")) {
                    sink.flag(
                        b,
                        "encryption_config",
                        b.address() + " does not encrypt Kubernetes secrets with KMS");
                  }
                })),
        tfsec(
            "aws-eks-no-public-cluster-access",
            CRITICAL,
            "EKS API endpoint public",
            PUBLIC,
            "Set vpc_config { endpoint_public_access = false }.",
            each(
                "aws_eks_cluster",
                (b, sink) -> {
                  if (!b.isFalse("vpc_config.endpoint_public_access")
                      && !b.isUnknown("vpc_config.endpoint_public_access")) {
                    sink.flag(
                        b,
                        "vpc_config.endpoint_public_access",
                        b.address() + " exposes its API endpoint publicly");
                  }
                })),
        tfsec(
            "aws-eks-no-public-cluster-access-to-cidr",
            CRITICAL,
            "EKS public endpoint open to the internet",
            PUBLIC,
            "Set vpc_config { public_access_cidrs = [known ranges] }, or make the endpoint private.",
            each(
                "aws_eks_cluster",
                (b, sink) -> {
                  if (b.isFalse("vpc_config.endpoint_public_access")
                      || b.isUnknown("vpc_config.public_access_cidrs")) {
                    return;
                  }
                  List<String> cidrs =
                      b.all("vpc_config.public_access_cidrs").stream()
                          .flatMap(n -> n.asScalar().stream())
                          .map(ScalarNode::value)
                          .toList();
                  if (b.has("vpc_config")
                      && (cidrs.isEmpty() || cidrs.stream().anyMatch(Cidrs::publicWide))) {
                    sink.flag(
                        b,
                        "vpc_config.public_access_cidrs",
                        b.address() + " lets the whole internet reach its API endpoint");
                  }
                })),
        // Elasticsearch / OpenSearch
        tfsec(
            "aws-elastic-search-enable-domain-encryption",
            HIGH,
            "Elasticsearch domain not encrypted",
            ENCRYPT,
            "Add encrypt_at_rest { enabled = true }.",
            mustBeTrue(
                "aws_elasticsearch_domain,aws_opensearch_domain",
                "encrypt_at_rest.enabled",
                "stores data unencrypted")),
        tfsec(
            "aws-elastic-search-enable-domain-logging",
            MEDIUM,
            "Elasticsearch audit logs off",
            LOGGING,
            "Add log_publishing_options { log_type = \"AUDIT_LOGS\" ... }.",
            each(
                "aws_elasticsearch_domain,aws_opensearch_domain",
                (b, sink) -> {
                  boolean audit =
                      b.all("log_publishing_options").stream()
                          .anyMatch(
                              o ->
                                  o.text("log_type").orElse("").equals("AUDIT_LOGS")
                                      && !o.text("enabled").orElse("true").equals("false"));
                  if (!audit) {
                    sink.flag(b, "", b.address() + " publishes no audit logs");
                  }
                })),
        tfsec(
            "aws-elastic-search-enable-in-transit-encryption",
            HIGH,
            "Elasticsearch nodes talk in clear text",
            TRANSIT,
            "Add node_to_node_encryption { enabled = true }.",
            mustBeTrue(
                "aws_elasticsearch_domain,aws_opensearch_domain",
                "node_to_node_encryption.enabled",
                "does not encrypt node-to-node traffic")),
        tfsec(
            "aws-elastic-search-enforce-https",
            CRITICAL,
            "Elasticsearch endpoint allows HTTP",
            TRANSIT,
            "Add domain_endpoint_options { enforce_https = true }.",
            each(
                "aws_elasticsearch_domain,aws_opensearch_domain",
                (b, sink) -> {
                  if (!b.has("domain_endpoint_options")
                      || b.isFalse("domain_endpoint_options.enforce_https")) {
                    sink.flag(
                        b,
                        "domain_endpoint_options.enforce_https",
                        b.address() + " accepts plain HTTP");
                  }
                })),
        tfsec(
            "aws-elastic-search-use-secure-tls-policy",
            HIGH,
            "Elasticsearch endpoint allows old TLS",
            TRANSIT,
            "Set tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\".",
            value(
                "aws_elasticsearch_domain,aws_opensearch_domain",
                "domain_endpoint_options.tls_security_policy",
                "Policy-Min-TLS-1-0-2019-07",
                v -> v.startsWith("Policy-Min-TLS-1-2"),
                "accepts TLS older than 1.2")),
        // ElastiCache
        tfsec(
            "aws-elasticache-add-description-for-security-group",
            LOW,
            "ElastiCache security group without a description",
            "Without a description nobody knows why the group exists.",
            "Set description.",
            value(
                "aws_elasticache_security_group",
                "description",
                null,
                v -> !v.isBlank(),
                "has an empty description")),
        tfsec(
            "aws-elasticache-enable-at-rest-encryption",
            HIGH,
            "ElastiCache not encrypted at rest",
            ENCRYPT,
            "Set at_rest_encryption_enabled = true.",
            mustBeTrue(
                "aws_elasticache_replication_group",
                "at_rest_encryption_enabled",
                "stores data unencrypted")),
        tfsec(
            "aws-elasticache-enable-backup-retention",
            MEDIUM,
            "Redis cluster without backups",
            "Without snapshots, lost data cannot be restored.",
            "Set snapshot_retention_limit to at least 1.",
            each(
                "aws_elasticache_cluster",
                (b, sink) -> {
                  if (b.text("engine").orElse("").equals("redis")
                      && !b.text("node_type").orElse("").equals("cache.t1.micro")
                      && b.known("snapshot_retention_limit")
                              .flatMap(ScalarNode::asNumber)
                              .orElse(BigDecimal.ZERO)
                              .signum()
                          == 0
                      && !b.isUnknown("snapshot_retention_limit")) {
                    sink.flag(b, "snapshot_retention_limit", b.address() + " keeps no snapshots");
                  }
                })),
        tfsec(
            "aws-elasticache-enable-in-transit-encryption",
            HIGH,
            "ElastiCache traffic in clear text",
            TRANSIT,
            "Set transit_encryption_enabled = true.",
            mustBeTrue(
                "aws_elasticache_replication_group",
                "transit_encryption_enabled",
                "does not encrypt traffic")),
        // ELB
        tfsec(
            "aws-elb-alb-not-public",
            HIGH,
            "Load balancer faces the internet",
            PUBLIC + " Only load balancers meant to be public should be.",
            "Set internal = true, or accept this finding for a public entry point.",
            each(
                "aws_lb,aws_alb,aws_elb",
                (b, sink) -> {
                  if (!b.isTrue("internal")
                      && !b.isUnknown("internal")
                      && !b.text("load_balancer_type").orElse("").equals("gateway")) {
                    sink.flag(b, "internal", b.address() + " is internet-facing");
                  }
                })),
        tfsec(
            "aws-elb-drop-invalid-headers",
            HIGH,
            "ALB passes invalid headers",
            "Malformed headers reach the application and enable request smuggling.",
            "Set drop_invalid_header_fields = true.",
            each(
                "aws_lb,aws_alb",
                (b, sink) -> {
                  if (b.text("load_balancer_type").orElse("application").equals("application")
                      && !b.isTrue("drop_invalid_header_fields")
                      && !b.isUnknown("drop_invalid_header_fields")) {
                    sink.flag(
                        b,
                        "drop_invalid_header_fields",
                        b.address() + " forwards invalid header fields");
                  }
                })),
        tfsec(
            "aws-elb-http-not-used",
            CRITICAL,
            "Load balancer listener uses plain HTTP",
            TRANSIT,
            "Use protocol = \"HTTPS\", or make the HTTP listener redirect to HTTPS.",
            each(
                "aws_lb_listener,aws_alb_listener",
                (b, sink) -> {
                  boolean redirect =
                      b.all("default_action").stream()
                          .anyMatch(a -> a.text("type").orElse("").equals("redirect"));
                  if (b.text("protocol").orElse("HTTP").equals("HTTP")
                      && !b.isUnknown("protocol")
                      && !redirect) {
                    sink.flag(b, "protocol", b.address() + " serves plain HTTP");
                  }
                })),
        tfsec(
            "aws-elb-use-secure-tls-policy",
            CRITICAL,
            "Load balancer listener allows old TLS",
            TRANSIT,
            "Use ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" or another TLS 1.2+ policy.",
            value(
                "aws_lb_listener,aws_alb_listener",
                "ssl_policy",
                null,
                v -> !WEAK_ELB.contains(v),
                "accepts TLS older than 1.2")),
        // EMR
        tfsec(
            "aws-emr-enable-at-rest-encryption",
            HIGH,
            "EMR at-rest encryption off",
            ENCRYPT,
            "Set EncryptionConfiguration.EnableAtRestEncryption = true.",
            emr("EnableAtRestEncryption", "does not encrypt data at rest")),
        tfsec(
            "aws-emr-enable-in-transit-encryption",
            HIGH,
            "EMR in-transit encryption off",
            TRANSIT,
            "Set EncryptionConfiguration.EnableInTransitEncryption = true.",
            emr("EnableInTransitEncryption", "does not encrypt data in transit")),
        tfsec(
            "aws-emr-enable-local-disk-encryption",
            HIGH,
            "EMR local disks not encrypted",
            ENCRYPT,
            "Configure AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.",
            each(
                "aws_emr_security_configuration",
                (b, sink) -> {
                  if (b.get("configuration")
                          .flatMap(
                              c ->
                                  c.at(
                                      "EncryptionConfiguration",
                                      "AtRestEncryptionConfiguration",
                                      "LocalDiskEncryptionConfiguration",
                                      "EncryptionKeyProviderType"))
                          .isEmpty()
                      && !b.isUnknown("configuration")) {
                    sink.flag(b, "configuration", b.address() + " does not encrypt local disks");
                  }
                })),
        // IAM
        tfsec(
            "aws-iam-enforce-group-mfa",
            MEDIUM,
            "IAM group policies do not require MFA",
            "Without an MFA condition, a stolen password alone is enough to act with the group's rights.",
            "Add a statement that denies actions when aws:MultiFactorAuthPresent is false.",
            (config, sink) ->
                config
                    .resources("aws_iam_group")
                    .forEach(
                        group -> {
                          boolean mfa =
                              config
                                  .referring("aws_iam_group_policy", "group", group, "name")
                                  .anyMatch(
                                      policy ->
                                          policy
                                              .get("policy")
                                              .map(
                                                  node ->
                                                      mentions(node, "aws:MultiFactorAuthPresent"))
                                              .orElse(false));
                          if (!mfa) {
                            sink.flag(group, "", group.address() + " has no policy requiring MFA");
                          }
                        })),
        tfsec(
            "aws-iam-no-password-reuse",
            MEDIUM,
            "Password policy allows reuse",
            PASSWORD,
            "Set password_reuse_prevention to 5 or more.",
            value(
                "aws_iam_account_password_policy",
                "password_reuse_prevention",
                "0",
                v -> number(v) >= 5,
                "lets users reuse passwords")),
        tfsec(
            "aws-iam-no-policy-wildcards",
            HIGH,
            "IAM policy with wildcards",
            "A wildcard action or resource grants far more than the task needs; one leaked credential then reaches everything.",
            "List the actions and resources the task needs.",
            (config, sink) -> {
              for (String type : IAM_POLICIES) {
                config
                    .resources(type)
                    .forEach(
                        b ->
                            wildcards(
                                b,
                                Policies.document(b, "policy"),
                                statement -> b.lineOf("policy"),
                                sink));
              }
              config
                  .resources("aws_iam_role")
                  .forEach(
                      b ->
                          b.all("inline_policy")
                              .forEach(
                                  p ->
                                      wildcards(
                                          b,
                                          p.at("policy")
                                              .map(Policies::parsed)
                                              .map(Policies::statements)
                                              .orElse(List.of()),
                                          statement ->
                                              p.at("policy").map(Node::line).orElse(p.line()),
                                          sink)));
              // A document is an identity policy when an IAM policy uses it; a key, bucket or
              // queue policy document rightly grants "*" (the resource itself) to its principals.
              Set<String> used = documentsUsedByIam(config);
              config
                  .data("aws_iam_policy_document")
                  .filter(document -> used.contains(document.name()))
                  .forEach(
                      b ->
                          wildcards(b, Policies.policyDocument(b), Policies.Statement::line, sink));
            }),
        tfsec(
            "aws-iam-no-root-access-keys",
            CRITICAL,
            "Access key for the root user",
            "Root keys can do anything, cannot be limited, and are the first thing attackers look for.",
            "Delete root access keys; use IAM roles.",
            each(
                "aws_iam_access_key",
                (b, sink) -> {
                  if (b.text("user").orElse("").equals("root")) {
                    sink.flag(b, "user", b.address() + " creates an access key for root");
                  }
                })),
        tfsec(
            "aws-iam-no-user-attached-policies",
            LOW,
            "Policy attached to a user",
            "Policies on users scatter permissions; groups and roles keep them reviewable.",
            "Attach policies to groups or roles.",
            declared(
                "aws_iam_user_policy,aws_iam_user_policy_attachment",
                "attaches a policy directly to a user")),
        tfsec(
            "aws-iam-require-lowercase-in-passwords",
            MEDIUM,
            "Password policy does not require lower case",
            PASSWORD,
            "Set require_lowercase_characters = true.",
            mustBeTrue(
                "aws_iam_account_password_policy",
                "require_lowercase_characters",
                "does not require lower-case letters")),
        tfsec(
            "aws-iam-require-numbers-in-passwords",
            MEDIUM,
            "Password policy does not require numbers",
            PASSWORD,
            "Set require_numbers = true.",
            mustBeTrue(
                "aws_iam_account_password_policy", "require_numbers", "does not require numbers")),
        tfsec(
            "aws-iam-require-symbols-in-passwords",
            MEDIUM,
            "Password policy does not require symbols",
            PASSWORD,
            "Set require_symbols = true.",
            mustBeTrue(
                "aws_iam_account_password_policy", "require_symbols", "does not require symbols")),
        tfsec(
            "aws-iam-require-uppercase-in-passwords",
            MEDIUM,
            "Password policy does not require upper case",
            PASSWORD,
            "Set require_uppercase_characters = true.",
            mustBeTrue(
                "aws_iam_account_password_policy",
                "require_uppercase_characters",
                "does not require upper-case letters")),
        tfsec(
            "aws-iam-set-max-password-age",
            MEDIUM,
            "Passwords never expire",
            PASSWORD,
            "Set max_password_age to 90 or less.",
            value(
                "aws_iam_account_password_policy",
                "max_password_age",
                "0",
                v -> number(v) > 0 && number(v) <= 90,
                "lets passwords live longer than 90 days")),
        tfsec(
            "aws-iam-set-minimum-password-length",
            MEDIUM,
            "Short passwords allowed",
            PASSWORD,
            "Set minimum_password_length to 14 or more.",
            value(
                "aws_iam_account_password_policy",
                "minimum_password_length",
                "6",
                v -> number(v) >= 14,
                "allows passwords shorter than 14")),
        // Kinesis, KMS, Lambda
        tfsec(
            "aws-kinesis-enable-in-transit-encryption",
            HIGH,
            "Kinesis stream not encrypted",
            ENCRYPT,
            "Set encryption_type = \"KMS\" and kms_key_id.",
            value(
                "aws_kinesis_stream",
                "encryption_type",
                "NONE",
                v -> v.equals("KMS"),
                "is not encrypted")),
        tfsec(
            "aws-kms-auto-rotate-keys",
            MEDIUM,
            "KMS key without rotation",
            "A key that never rotates exposes more data when it leaks.",
            "Set enable_key_rotation = true.",
            each(
                "aws_kms_key",
                (b, sink) -> {
                  if (!b.text("key_usage").orElse("").equals("SIGN_VERIFY")
                      && !b.isTrue("enable_key_rotation")
                      && !b.isUnknown("enable_key_rotation")) {
                    sink.flag(b, "enable_key_rotation", b.address() + " is never rotated");
                  }
                })),
        tfsec(
            "aws-lambda-enable-tracing",
            LOW,
            "Lambda function without X-Ray tracing",
            "Without tracing a slow or failing invocation cannot be followed.",
            "Add tracing_config { mode = \"Active\" }.",
            value(
                "aws_lambda_function",
                "tracing_config.mode",
                "PassThrough",
                v -> v.equals("Active"),
                "is not traced")),
        tfsec(
            "aws-lambda-restrict-source-arn",
            CRITICAL,
            "Lambda permission without a source ARN",
            "A service principal without a source ARN lets any account's resource of that service invoke the function.",
            "Set source_arn.",
            each(
                "aws_lambda_permission",
                (b, sink) -> {
                  if (b.text("principal").orElse("").endsWith(".amazonaws.com")
                      && !b.has("source_arn")) {
                    sink.flag(
                        b,
                        "principal",
                        b.address()
                            + " lets any "
                            + b.text("principal").orElse("")
                            + " resource invoke the function");
                  }
                })),
        // MQ, MSK, Neptune
        tfsec(
            "aws-mq-enable-audit-logging",
            MEDIUM,
            "MQ broker audit logs off",
            LOGGING,
            "Add logs { audit = true }.",
            mustBeTrue("aws_mq_broker", "logs.audit", "keeps no audit log")),
        tfsec(
            "aws-mq-enable-general-logging",
            LOW,
            "MQ broker general logs off",
            LOGGING,
            "Add logs { general = true }.",
            mustBeTrue("aws_mq_broker", "logs.general", "keeps no general log")),
        tfsec(
            "aws-mq-no-public-access",
            HIGH,
            "MQ broker public",
            PUBLIC,
            "Set publicly_accessible = false.",
            mustNotBeTrue("aws_mq_broker", "publicly_accessible", "is publicly accessible")),
        tfsec(
            "aws-msk-enable-at-rest-encryption",
            HIGH,
            "MSK not encrypted with a customer key",
            ENCRYPT,
            "Set encryption_info { encryption_at_rest_kms_key_arn = ... }.",
            mustBeSet(
                "aws_msk_cluster",
                "encryption_info.encryption_at_rest_kms_key_arn",
                "is not encrypted with a customer key")),
        tfsec(
            "aws-msk-enable-in-transit-encryption",
            HIGH,
            "MSK accepts clear text",
            TRANSIT,
            "Set encryption_in_transit { client_broker = \"TLS\" }.",
            value(
                "aws_msk_cluster",
                "encryption_info.encryption_in_transit.client_broker",
                "TLS_PLAINTEXT",
                v -> v.equals("TLS"),
                "accepts plain-text clients")),
        tfsec(
            "aws-msk-enable-logging",
            MEDIUM,
            "MSK broker logs off",
            LOGGING,
            "Enable broker_logs to CloudWatch, S3 or Firehose.",
            each(
                "aws_msk_cluster",
                (b, sink) -> {
                  boolean any =
                      List.of("s3", "cloudwatch_logs", "firehose").stream()
                          .anyMatch(t -> b.isTrue("logging_info.broker_logs." + t + ".enabled"));
                  if (!any) {
                    sink.flag(b, "logging_info", b.address() + " keeps no broker logs");
                  }
                })),
        tfsec(
            "aws-neptune-enable-log-export",
            MEDIUM,
            "Neptune audit logs not exported",
            LOGGING,
            "Set enable_cloudwatch_logs_exports = [\"audit\"].",
            each(
                "aws_neptune_cluster",
                (b, sink) -> {
                  if (!b.isUnknown("enable_cloudwatch_logs_exports")
                      && b.all("enable_cloudwatch_logs_exports").stream()
                          .noneMatch(
                              n ->
                                  n.asScalar().map(s -> s.value().equals("audit")).orElse(false))) {
                    sink.flag(
                        b,
                        "enable_cloudwatch_logs_exports",
                        b.address() + " does not export audit logs");
                  }
                })),
        tfsec(
            "aws-neptune-enable-storage-encryption",
            HIGH,
            "Neptune storage not encrypted",
            ENCRYPT,
            "Set storage_encrypted = true.",
            mustBeTrue("aws_neptune_cluster", "storage_encrypted", "stores data unencrypted")),
        tfsec(
            "aws-neptune-encryption-customer-key",
            HIGH,
            "Neptune not encrypted with a customer key",
            CMK,
            "Set kms_key_arn.",
            mustBeSet(
                "aws_neptune_cluster", "kms_key_arn", "is not encrypted with a customer key")),
        // RDS
        tfsec(
            "aws-rds-enable-deletion-protection",
            MEDIUM,
            "Database without deletion protection",
            "One mistaken apply or destroy deletes the database.",
            "Set deletion_protection = true.",
            mustBeTrue(
                "aws_db_instance", "deletion_protection", "can be deleted without protection")),
        tfsec(
            "aws-rds-enable-iam-auth",
            MEDIUM,
            "Database without IAM authentication",
            "Static database passwords leak and never expire; IAM tokens do.",
            "Set iam_database_authentication_enabled = true.",
            each(
                "aws_db_instance",
                (b, sink) -> {
                  if (List.of("postgres", "mysql").contains(b.text("engine").orElse(""))
                      && !b.isTrue("iam_database_authentication_enabled")
                      && !b.isUnknown("iam_database_authentication_enabled")) {
                    sink.flag(
                        b,
                        "iam_database_authentication_enabled",
                        b.address() + " does not use IAM authentication");
                  }
                })),
        tfsec(
            "aws-rds-enable-performance-insights",
            LOW,
            "Database without Performance Insights",
            "Without it, slow queries are hard to find during an incident.",
            "Set performance_insights_enabled = true.",
            mustBeTrue(
                "aws_db_instance,aws_rds_cluster_instance",
                "performance_insights_enabled",
                "has no Performance Insights")),
        tfsec(
            "aws-rds-enable-performance-insights-encryption",
            HIGH,
            "Performance Insights not encrypted with a customer key",
            CMK,
            "Set performance_insights_kms_key_id.",
            each(
                "aws_db_instance,aws_rds_cluster_instance",
                (b, sink) -> {
                  if (b.isTrue("performance_insights_enabled")
                      && !b.has("performance_insights_kms_key_id")) {
                    sink.flag(
                        b,
                        "performance_insights_enabled",
                        b.address() + " keeps Performance Insights data without a customer key");
                  }
                })),
        tfsec(
            "aws-rds-enable-public-access",
            HIGH,
            "Database publicly accessible",
            PUBLIC,
            "Set publicly_accessible = false.",
            mustNotBeTrue("aws_db_instance", "publicly_accessible", "is publicly accessible")),
        tfsec(
            "aws-rds-encrypt-cluster-storage-data",
            HIGH,
            "Aurora cluster not encrypted",
            ENCRYPT,
            "Set storage_encrypted = true and kms_key_id.",
            each(
                "aws_rds_cluster",
                (b, sink) -> {
                  if (!b.isTrue("storage_encrypted") && !b.isUnknown("storage_encrypted")) {
                    sink.flag(b, "storage_encrypted", b.address() + " stores data unencrypted");
                  } else if (b.isTrue("storage_encrypted") && !b.has("kms_key_id")) {
                    sink.flag(
                        b,
                        "storage_encrypted",
                        b.address() + " is encrypted without a customer key");
                  }
                })),
        tfsec(
            "aws-rds-encrypt-instance-storage-data",
            HIGH,
            "Database storage not encrypted",
            ENCRYPT,
            "Set storage_encrypted = true.",
            each(
                "aws_db_instance",
                (b, sink) -> {
                  if (!b.has("replicate_source_db")
                      && !b.isTrue("storage_encrypted")
                      && !b.isUnknown("storage_encrypted")) {
                    sink.flag(b, "storage_encrypted", b.address() + " stores data unencrypted");
                  }
                })),
        tfsec(
            "aws-rds-no-classic-resources",
            CRITICAL,
            "EC2-Classic security group",
            "EC2-Classic is retired; these groups protect nothing in a VPC.",
            "Use VPC security groups.",
            declared(
                "aws_db_security_group,aws_redshift_security_group,aws_elasticache_security_group",
                "is an EC2-Classic security group")),
        tfsec(
            "aws-rds-no-public-db-access",
            CRITICAL,
            "Database instance public",
            PUBLIC,
            "Set publicly_accessible = false.",
            mustNotBeTrue(
                "aws_db_instance,aws_rds_cluster_instance",
                "publicly_accessible",
                "is reachable from the internet")),
        tfsec(
            "aws-rds-specify-backup-retention",
            MEDIUM,
            "Database backups kept too briefly",
            "With fewer than two days of backups, a problem found on Monday cannot be undone from Saturday.",
            "Set backup_retention_period to 2 or more (7 is common).",
            each(
                "aws_db_instance,aws_rds_cluster",
                (b, sink) -> {
                  if (b.has("replicate_source_db")
                      || b.has("replication_source_identifier")
                      || b.isUnknown("backup_retention_period")) {
                    return;
                  }
                  double days =
                      number(
                          b.text("backup_retention_period")
                              .orElse(b.type().equals("aws_rds_cluster") ? "1" : "0"));
                  if (days < 2) {
                    sink.flag(
                        b,
                        "backup_retention_period",
                        b.address() + " keeps backups " + (int) days + " day(s)");
                  }
                })),
        // Redshift
        tfsec(
            "aws-redshift-add-description-to-security-group",
            LOW,
            "Redshift security group without a description",
            "Without a description nobody knows why the group exists.",
            "Set description.",
            value(
                "aws_redshift_security_group",
                "description",
                null,
                v -> !v.isBlank(),
                "has an empty description")),
        tfsec(
            "aws-redshift-encryption-customer-key",
            HIGH,
            "Redshift not encrypted with a customer key",
            CMK,
            "Set encrypted = true and kms_key_id.",
            each(
                "aws_redshift_cluster",
                (b, sink) -> {
                  if ((!b.isTrue("encrypted") && !b.isUnknown("encrypted"))
                      || !b.has("kms_key_id")) {
                    sink.flag(
                        b, "encrypted", b.address() + " is not encrypted with a customer key");
                  }
                })),
        tfsec(
            "aws-redshift-no-classic-resources",
            CRITICAL,
            "Redshift EC2-Classic security group",
            "EC2-Classic is retired.",
            "Use VPC security groups.",
            declared("aws_redshift_security_group", "is an EC2-Classic security group")),
        tfsec(
            "aws-redshift-use-vpc",
            HIGH,
            "Redshift cluster outside a VPC",
            PUBLIC,
            "Set cluster_subnet_group_name.",
            mustBeSet("aws_redshift_cluster", "cluster_subnet_group_name", "is not in a VPC")),
        // S3
        tfsec(
            "aws-s3-block-public-acls",
            HIGH,
            "S3 bucket does not block public ACLs",
            PUBLIC,
            "Add aws_s3_bucket_public_access_block with block_public_acls = true.",
            publicAccessBlock("block_public_acls")),
        tfsec(
            "aws-s3-block-public-policy",
            HIGH,
            "S3 bucket does not block public policies",
            PUBLIC,
            "Add aws_s3_bucket_public_access_block with block_public_policy = true.",
            publicAccessBlock("block_public_policy")),
        tfsec(
            "aws-s3-enable-bucket-encryption",
            HIGH,
            "S3 bucket without default encryption",
            ENCRYPT,
            "Add aws_s3_bucket_server_side_encryption_configuration (aws:kms) for the bucket.",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          if (encryption(config, bucket).isEmpty()) {
                            sink.flag(bucket, "", bucket.address() + " has no default encryption");
                          }
                        })),
        tfsec(
            "aws-s3-enable-bucket-logging",
            MEDIUM,
            "S3 bucket without access logs",
            LOGGING,
            "Add aws_s3_bucket_logging for the bucket.",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          boolean logged =
                              bucket.has("logging.target_bucket")
                                  || config
                                      .referring(
                                          "aws_s3_bucket_logging", "bucket", bucket, "bucket")
                                      .findAny()
                                      .isPresent();
                          if (!logged && !acl(config, bucket).equals("log-delivery-write")) {
                            sink.flag(bucket, "", bucket.address() + " logs no access");
                          }
                        })),
        tfsec(
            "aws-s3-enable-versioning",
            MEDIUM,
            "S3 bucket without versioning",
            "Without versioning an overwrite or delete cannot be undone.",
            "Add aws_s3_bucket_versioning with status = \"Enabled\".",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          boolean versioned =
                              bucket.isTrue("versioning.enabled")
                                  || config
                                      .referring(
                                          "aws_s3_bucket_versioning", "bucket", bucket, "bucket")
                                      .anyMatch(
                                          v ->
                                              !v.text("versioning_configuration.status")
                                                      .orElse("Enabled")
                                                      .equals("Suspended")
                                                  && !v.text("versioning_configuration.status")
                                                      .orElse("Enabled")
                                                      .equals("Disabled"));
                          if (!versioned) {
                            java.util.Optional<Block> resource =
                                config
                                    .referring(
                                        "aws_s3_bucket_versioning", "bucket", bucket, "bucket")
                                    .findFirst();
                            sink.flag(
                                resource.orElse(bucket),
                                resource.isPresent()
                                    ? "versioning_configuration.status"
                                    : bucket.has("versioning") ? "versioning.enabled" : "",
                                bucket.address() + " is not versioned");
                          }
                        })),
        tfsec(
            "aws-s3-encryption-customer-key",
            HIGH,
            "S3 bucket not encrypted with a customer key",
            CMK,
            "Use sse_algorithm = \"aws:kms\" with kms_master_key_id.",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          java.util.Optional<Block> holder = encryptionHolder(config, bucket);
                          java.util.Optional<Node> rule = encryption(config, bucket);
                          if (rule.isPresent()
                              && rule.get().text("kms_master_key_id").isEmpty()
                              && rule.get()
                                  .at("kms_master_key_id")
                                  .flatMap(Node::asScalar)
                                  .filter(ScalarNode::isExpression)
                                  .isEmpty()
                              && !acl(config, bucket).equals("log-delivery-write")) {
                            sink.at(
                                holder.orElse(bucket),
                                rule.get().line(),
                                bucket.address() + " is encrypted without a customer key");
                          }
                        })),
        tfsec(
            "aws-s3-ignore-public-acls",
            HIGH,
            "S3 bucket does not ignore public ACLs",
            PUBLIC,
            "Add aws_s3_bucket_public_access_block with ignore_public_acls = true.",
            publicAccessBlock("ignore_public_acls")),
        tfsec(
            "aws-s3-no-public-access-with-acl",
            HIGH,
            "S3 bucket ACL grants public access",
            PUBLIC,
            "Remove the public ACL (use private), and block public access.",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          String acl = acl(config, bucket);
                          if (publicAcl(acl) && !aclsBlocked(config, bucket)) {
                            Block holder =
                                bucket.text("acl").isPresent()
                                    ? bucket
                                    : config
                                        .referring("aws_s3_bucket_acl", "bucket", bucket, "bucket")
                                        .filter(b -> b.text("acl").isPresent())
                                        .findFirst()
                                        .orElse(bucket);
                            sink.flag(
                                holder, "acl", bucket.address() + " has the public ACL " + acl);
                          }
                        })),
        tfsec(
            "aws-s3-no-public-buckets",
            HIGH,
            "S3 bucket does not restrict public buckets",
            PUBLIC,
            "Add aws_s3_bucket_public_access_block with restrict_public_buckets = true.",
            publicAccessBlock("restrict_public_buckets")),
        tfsec(
            "aws-s3-specify-public-access-block",
            LOW,
            "S3 bucket without a public access block",
            PUBLIC,
            "Add aws_s3_bucket_public_access_block for the bucket.",
            (config, sink) ->
                config
                    .resources("aws_s3_bucket")
                    .forEach(
                        bucket -> {
                          if (config
                              .referring(
                                  "aws_s3_bucket_public_access_block", "bucket", bucket, "bucket")
                              .findAny()
                              .isEmpty()) {
                            sink.flag(bucket, "", bucket.address() + " has no public access block");
                          }
                        })),
        // SNS, SQS, SSM, Secrets Manager, WorkSpaces
        tfsec(
            "aws-sns-enable-topic-encryption",
            HIGH,
            "SNS topic not encrypted",
            ENCRYPT,
            "Set kms_master_key_id.",
            mustBeSet("aws_sns_topic", "kms_master_key_id", "is not encrypted")),
        tfsec(
            "aws-sns-topic-encryption-use-cmk",
            HIGH,
            "SNS topic uses the AWS-managed key",
            CMK,
            "Use a customer-managed KMS key.",
            value(
                "aws_sns_topic",
                "kms_master_key_id",
                null,
                v -> !v.equals("alias/aws/sns"),
                "uses the AWS-managed key")),
        tfsec(
            "aws-sqs-enable-queue-encryption",
            HIGH,
            "SQS queue not encrypted",
            ENCRYPT,
            "Set kms_master_key_id, or sqs_managed_sse_enabled = true.",
            each(
                "aws_sqs_queue",
                (b, sink) -> {
                  if (!b.has("kms_master_key_id")
                      && !b.isTrue("sqs_managed_sse_enabled")
                      && !b.isUnknown("sqs_managed_sse_enabled")) {
                    sink.flag(b, "", b.address() + " is not encrypted");
                  }
                })),
        tfsec(
            "aws-sqs-no-wildcards-in-policy-documents",
            HIGH,
            "SQS policy with a wildcard action",
            "sqs:* lets the principal delete and purge the queue, not only send.",
            "List the actions needed, e.g. sqs:SendMessage.",
            each(
                "aws_sqs_queue,aws_sqs_queue_policy",
                (b, sink) -> {
                  for (Policies.Statement statement : Policies.document(b, "policy")) {
                    if (statement.allow()
                        && statement.actions().stream()
                            .anyMatch(a -> a.equals("*") || a.equals("sqs:*"))) {
                      sink.flag(b, "policy", b.address() + " allows every SQS action");
                    }
                  }
                })),
        tfsec(
            "aws-sqs-queue-encryption-use-cmk",
            HIGH,
            "SQS queue uses the AWS-managed key",
            CMK,
            "Use a customer-managed KMS key.",
            value(
                "aws_sqs_queue",
                "kms_master_key_id",
                null,
                v -> !v.equals("alias/aws/sqs"),
                "uses the AWS-managed key")),
        tfsec(
            "aws-ssm-avoid-leaks-via-http",
            CRITICAL,
            "SSM parameter sent over HTTP",
            "A data \"http\" source with a secret in its URL sends the secret to that server.",
            "Do not put parameters in URLs.",
            (config, sink) ->
                config
                    .data("http")
                    .forEach(
                        http -> {
                          if (http.get("url")
                              .flatMap(Node::asScalar)
                              .map(s -> s.value().contains("aws_ssm_parameter."))
                              .orElse(false)) {
                            sink.flag(
                                http, "url", http.address() + " puts an SSM parameter in a URL");
                          }
                        })),
        tfsec(
            "aws-ssm-secret-use-customer-key",
            LOW,
            "Secret not encrypted with a customer key",
            CMK,
            "Set kms_key_id to a customer-managed key.",
            value(
                "aws_secretsmanager_secret",
                "kms_key_id",
                "alias/aws/secretsmanager",
                v -> !v.isBlank() && !v.equals("alias/aws/secretsmanager"),
                "uses the AWS-managed key")),
        tfsec(
            "aws-workspaces-enable-disk-encryption",
            HIGH,
            "WorkSpaces volumes not encrypted",
            ENCRYPT,
            "Set root_volume_encryption_enabled and user_volume_encryption_enabled.",
            each(
                "aws_workspaces_workspace",
                (b, sink) -> {
                  for (String path :
                      List.of("root_volume_encryption_enabled", "user_volume_encryption_enabled")) {
                    if (!b.isTrue(path) && !b.isUnknown(path)) {
                      sink.flag(b, path, b.address() + " does not set " + path);
                    }
                  }
                })));
  }

  /** True when a key or a known value anywhere under the node contains the text. */
  private static boolean mentions(Node node, String text) {
    return switch (node) {
      case ScalarNode scalar -> scalar.value().contains(text);
      case dev.sremcp.domain.tree.ListNode list ->
          list.items().stream().anyMatch(item -> mentions(item, text));
      case dev.sremcp.domain.tree.MapNode map ->
          map.entries().stream()
              .anyMatch(
                  entry -> entry.key().value().contains(text) || mentions(entry.value(), text));
    };
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean publicAcl(String acl) {
    return oneOf("public-read", "public-read-write", "website", "authenticated-read").test(acl);
  }

  private static String acl(Configuration config, Block bucket) {
    return bucket
        .text("acl")
        .or(
            () ->
                config
                    .referring("aws_s3_bucket_acl", "bucket", bucket, "bucket")
                    .findFirst()
                    .flatMap(acl -> acl.text("acl")))
        .orElse("private");
  }

  /** True when a public access block of the bucket blocks or ignores public ACLs. */
  private static boolean aclsBlocked(Configuration config, Block bucket) {
    return config
        .referring("aws_s3_bucket_public_access_block", "bucket", bucket, "bucket")
        .anyMatch(block -> block.isTrue("block_public_acls") || block.isTrue("ignore_public_acls"));
  }

  private static final String INLINE_SSE =
      "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default";
  private static final String SSE = "rule.apply_server_side_encryption_by_default";

  /** The block holding the bucket's default-encryption rule: the bucket, or a separate resource. */
  private static java.util.Optional<Block> encryptionHolder(Configuration config, Block bucket) {
    if (bucket.has(INLINE_SSE)) {
      return java.util.Optional.of(bucket);
    }
    return config
        .referring("aws_s3_bucket_server_side_encryption_configuration", "bucket", bucket, "bucket")
        .filter(resource -> resource.has(SSE))
        .findFirst();
  }

  /**
   * The bucket's default-encryption rule (its first instance), inline or in a separate resource.
   */
  private static java.util.Optional<Node> encryption(Configuration config, Block bucket) {
    return encryptionHolder(config, bucket)
        .flatMap(holder -> holder.get(holder == bucket ? INLINE_SSE : SSE))
        .flatMap(
            node ->
                node instanceof dev.sremcp.domain.tree.ListNode list
                    ? list.items().stream().findFirst()
                    : java.util.Optional.of(node));
  }

  private static TerraformCheck.Check publicAccessBlock(String setting) {
    return (config, sink) ->
        config
            .resources("aws_s3_bucket")
            .forEach(
                bucket -> {
                  List<Block> blocks =
                      config
                          .referring(
                              "aws_s3_bucket_public_access_block", "bucket", bucket, "bucket")
                          .toList();
                  if (blocks.isEmpty()) {
                    sink.flag(
                        bucket,
                        "",
                        bucket.address()
                            + " has no public access block, so "
                            + setting
                            + " is off");
                  }
                  for (Block block : blocks) {
                    if (!block.isTrue(setting) && !block.isUnknown(setting)) {
                      sink.flag(
                          block, setting, block.address() + " does not set " + setting + " = true");
                    }
                  }
                });
  }

  private static TerraformCheck.Check openRule(String direction) {
    return each(
        "aws_security_group,aws_security_group_rule",
        (b, sink) -> {
          if (b.type().equals("aws_security_group_rule")) {
            if (b.text("type").orElse("").equals(direction)) {
              openCidrs(b, b, direction, sink);
            }
            return;
          }
          for (Node rule : b.all(direction)) {
            openCidrs(b, rule, direction, sink);
          }
        });
  }

  private static void openCidrs(
      Block block, Object rule, String direction, TerraformCheck.Sink sink) {
    Node node = rule instanceof Block b ? b.body() : (Node) rule;
    for (String key : List.of("cidr_blocks", "ipv6_cidr_blocks")) {
      for (Node cidr : node.items(key)) {
        String value =
            cidr.asScalar().filter(s -> !s.isExpression()).map(ScalarNode::value).orElse("");
        if (Cidrs.publicWide(value)) {
          String from =
              node.at("from_port").flatMap(Node::asScalar).map(ScalarNode::value).orElse("?");
          String to = node.at("to_port").flatMap(Node::asScalar).map(ScalarNode::value).orElse("?");
          String ports = from.equals(to) ? "port " + from : "ports " + from + "-" + to;
          sink.at(
              block,
              cidr.line(),
              block.address()
                  + " allows "
                  + direction
                  + (direction.equals("ingress") ? " from " : " to ")
                  + value
                  + " on "
                  + ports);
          return;
        }
      }
    }
  }

  private static void blockDevices(Block block, TerraformCheck.Sink sink) {
    if (!block.has("root_block_device")
        || (!block.isTrue("root_block_device.encrypted")
            && !block.isUnknown("root_block_device.encrypted"))) {
      sink.flag(
          block,
          "root_block_device.encrypted",
          block.address() + " has an unencrypted root volume");
    }
    for (Node device : block.all("ebs_block_device")) {
      java.util.Optional<ScalarNode> encrypted = device.at("encrypted").flatMap(Node::asScalar);
      if (!encrypted.flatMap(ScalarNode::asBoolean).orElse(false)
          && !encrypted.map(ScalarNode::isExpression).orElse(false)) {
        sink.at(
            block,
            encrypted.map(ScalarNode::line).orElse(device.line()),
            block.address() + " has an unencrypted EBS volume");
      }
    }
  }

  private static TerraformCheck.Check imds(String types) {
    return each(
        types,
        (b, sink) -> {
          if (!b.text("metadata_options.http_tokens").orElse("optional").equals("required")
              && !b.text("metadata_options.http_endpoint").orElse("enabled").equals("disabled")
              && !b.isUnknown("metadata_options.http_tokens")) {
            sink.flag(
                b,
                "metadata_options.http_tokens",
                b.address() + " allows IMDSv1 (http_tokens is not required)");
          }
        });
  }

  private static TerraformCheck.Check secretsIn(String types, String path) {
    return each(
        types,
        (b, sink) -> {
          if (b.get(path)
              .flatMap(Node::asScalar)
              .filter(scalar -> !scalar.isNull())
              .map(ScalarNode::value)
              .filter(Policies::holdsSecret)
              .isPresent()) {
            sink.flag(b, path, b.address() + " has a credential in " + path);
          }
        });
  }

  private static TerraformCheck.Check emr(String setting, String what) {
    return each(
        "aws_emr_security_configuration",
        (b, sink) -> {
          if (!b.isUnknown("configuration")
              && !b.get("configuration")
                  .flatMap(c -> c.at("EncryptionConfiguration", setting))
                  .flatMap(Node::asScalar)
                  .flatMap(ScalarNode::asBoolean)
                  .orElse(false)) {
            sink.flag(b, "configuration", b.address() + " " + what);
          }
        });
  }

  private static final java.util.regex.Pattern DOCUMENT =
      java.util.regex.Pattern.compile("data\\.aws_iam_policy_document\\.([\\w-]+)");

  /** The names of the policy documents an IAM policy or a role's inline policy is made of. */
  private static Set<String> documentsUsedByIam(Configuration config) {
    List<Node> policies = new java.util.ArrayList<>();
    IAM_POLICIES.stream()
        .flatMap(config::resources)
        .forEach(b -> b.get("policy").ifPresent(policies::add));
    config
        .resources("aws_iam_role")
        .forEach(b -> b.all("inline_policy").forEach(p -> p.at("policy").ifPresent(policies::add)));
    Set<String> names = new java.util.HashSet<>();
    for (Node policy : policies) {
      policy
          .asScalar()
          .filter(ScalarNode::isExpression)
          .ifPresent(
              scalar -> {
                java.util.regex.Matcher matcher = DOCUMENT.matcher(scalar.value());
                while (matcher.find()) {
                  names.add(matcher.group(1));
                }
              });
    }
    return names;
  }

  /** Flags wildcards in the statements, each at the line {@code line} gives it. */
  private static void wildcards(
      Block block,
      List<Policies.Statement> statements,
      java.util.function.ToIntFunction<Policies.Statement> line,
      TerraformCheck.Sink sink) {
    for (Policies.Statement statement : statements) {
      if (!statement.allow()) {
        continue;
      }
      statement.actions().stream()
          .filter(action -> action.contains("*"))
          .findFirst()
          .ifPresent(
              action ->
                  sink.at(
                      block,
                      line.applyAsInt(statement),
                      block.address() + " allows the action " + action));
      if (statement.resources().contains("*")
          && statement.actions().stream()
              .anyMatch(a -> !a.matches("(?i).*:(Get|List|Describe)[A-Za-z]*"))) {
        sink.at(
            block,
            line.applyAsInt(statement),
            block.address()
                + " allows "
                + String.join(", ", statement.actions())
                + " on every resource (*)");
      }
    }
  }
}
