resource "aws_kms_key" "main" { # expect: terraform.aws-kms-auto-rotate-keys
  description             = "Encrypts the shop's data"
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
}

resource "aws_kms_key" "signing" {
  description              = "Signs order receipts"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}

resource "aws_kms_alias" "main" {
  name          = "alias/${local.name}"
  target_key_id = aws_kms_key.main.key_id
}

resource "aws_cloudwatch_log_group" "app" { # expect: terraform.aws-cloudwatch-log-group-customer-key
  name              = "/ecs/${local.name}/app"
  retention_in_days = 30
}

# expect: terraform.aws-cloudtrail-enable-at-rest-encryption, terraform.aws-cloudtrail-ensure-cloudwatch-integration
resource "aws_cloudtrail" "main" {
  name                       = local.name
  s3_bucket_name             = aws_s3_bucket.trail.id # expect: terraform.aws-cloudtrail-no-public-log-access, terraform.aws-cloudtrail-require-bucket-access-logging
  is_multi_region_trail      = false                  # expect: terraform.aws-cloudtrail-enable-all-regions
  enable_log_file_validation = false                  # expect: terraform.aws-cloudtrail-enable-log-validation
  include_global_service_events = true
}

resource "aws_config_configuration_aggregator" "organization" {
  name = "${local.name}-organization"

  account_aggregation_source { # expect: terraform.aws-config-aggregate-all-regions
    account_ids = [data.aws_caller_identity.current.account_id]
    regions     = ["eu-west-1"]
  }
}

resource "aws_secretsmanager_secret" "stripe" {
  name       = "${local.name}/stripe"
  kms_key_id = "alias/aws/secretsmanager" # expect: terraform.aws-ssm-secret-use-customer-key
}

resource "aws_secretsmanager_secret" "smtp" { # expect: terraform.aws-ssm-secret-use-customer-key
  name = "${local.name}/smtp"
}
