resource "aws_athena_database" "events" { # expect: terraform.aws-athena-enable-at-rest-encryption
  name   = "shop_events"
  bucket = aws_s3_bucket.uploads.id
}

resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = false # expect: terraform.aws-athena-no-encryption-override

    result_configuration { # expect: terraform.aws-athena-enable-at-rest-encryption
      output_location = "s3://${aws_s3_bucket.uploads.bucket}/athena/"
    }
  }
}

resource "aws_emr_security_configuration" "batch" {
  name = "${local.name}-batch"
  # expect: terraform.aws-emr-enable-at-rest-encryption, terraform.aws-emr-enable-in-transit-encryption
  # expect: terraform.aws-emr-enable-local-disk-encryption
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = false
      EnableAtRestEncryption    = false
    }
  })
}

# expect: terraform.aws-elastic-search-enable-domain-encryption, terraform.aws-elastic-search-enable-domain-logging
# expect: terraform.aws-elastic-search-enable-in-transit-encryption
resource "aws_opensearch_domain" "search" {
  domain_name    = "${local.name}-search"
  engine_version = "OpenSearch_2.11"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 2
  }

  domain_endpoint_options {
    enforce_https       = false                        # expect: terraform.aws-elastic-search-enforce-https
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07" # expect: terraform.aws-elastic-search-use-secure-tls-policy
  }

  log_publishing_options {
    log_type                 = "INDEX_SLOW_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
  }
}

resource "aws_codebuild_project" "app" {
  name         = "${local.name}-app"
  service_role = aws_iam_role.task.arn

  source {
    type     = "GITHUB"
    location = "https://github.com/acme-corp/shop.git"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  artifacts {
    type                = "S3"
    location            = aws_s3_bucket.uploads.bucket
    encryption_disabled = true # expect: terraform.aws-codebuild-enable-encryption
  }
}

resource "aws_workspaces_workspace" "analyst" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "analyst"
  root_volume_encryption_enabled = false # expect: terraform.aws-workspaces-enable-disk-encryption
  user_volume_encryption_enabled = false # expect: terraform.aws-workspaces-enable-disk-encryption
}
