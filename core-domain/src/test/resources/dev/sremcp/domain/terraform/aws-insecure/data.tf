data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

data "aws_iam_policy_document" "ecs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "ReadUploads"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }

  statement { # expect: terraform.aws-iam-no-policy-wildcards
    sid       = "Queues"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.orders.arn]
  }

  statement { # expect: terraform.aws-iam-no-policy-wildcards
    sid       = "Parameters"
    actions   = ["ssm:PutParameter", "ssm:DeleteParameter"]
    resources = ["*"]
  }
}

# The key policy of a KMS key: "kms:*" on "*" is the key's standard root statement, and
# this document is no identity policy, so it is not an IAM wildcard finding.
data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "EnableRootAccount"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

data "aws_iam_policy_document" "trail_bucket" {
  statement {
    sid       = "CloudTrailWrite"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.trail.arn}/AWSLogs/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_ssm_parameter" "slack_webhook_path" {
  name  = "/${local.name}/slack/webhook-path"
  type  = "SecureString"
  value = "placeholder"

  lifecycle {
    ignore_changes = [value]
  }
}

data "http" "deploy_notification" {
  url    = "https://hooks.slack.com/services/${aws_ssm_parameter.slack_webhook_path.value}" # expect: terraform.aws-ssm-avoid-leaks-via-http
  method = "POST"
}
