resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json

  inline_policy {
    name = "read-config"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
        Resource = "*"
      }]
    })
  }

  inline_policy {
    name = "logs"
    policy = jsonencode({ # expect: terraform.aws-iam-no-policy-wildcards
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "logs:*"
        Resource = "*"
      }]
    })
  }
}

resource "aws_iam_role_policy" "task_app" {
  name   = "app"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_policy" "deploy" {
  name        = "${local.name}-deploy"
  description = "Used by the CI pipeline to deploy"
  # expect: terraform.aws-iam-no-policy-wildcards
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ecs:UpdateService", "ecs:DescribeServices"],
          "Resource": "*"
        }
      ]
    }
  EOT
}

resource "aws_iam_group" "developers" { # expect: terraform.aws-iam-enforce-group-mfa
  name = "developers"
}

resource "aws_iam_group_policy" "developers" {
  name  = "read-only-console"
  group = aws_iam_group.developers.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:DescribeInstances", "cloudwatch:GetMetricData"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy" "admins_mfa" {
  name  = "require-mfa"
  group = aws_iam_group.admins.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutMFA"
      Effect    = "Deny"
      NotAction = ["iam:ChangePassword", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = {
        BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }
      }
    }]
  })
}

resource "aws_iam_user" "ci" {
  name = "ci-deployer"
}

resource "aws_iam_user_policy_attachment" "ci_deploy" { # expect: terraform.aws-iam-no-user-attached-policies
  user       = aws_iam_user.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_access_key" "break_glass" {
  user = "root" # expect: terraform.aws-iam-no-root-access-keys
}

resource "aws_iam_account_password_policy" "account" {
  minimum_password_length        = 8     # expect: terraform.aws-iam-set-minimum-password-length
  require_lowercase_characters   = false # expect: terraform.aws-iam-require-lowercase-in-passwords
  require_uppercase_characters   = false # expect: terraform.aws-iam-require-uppercase-in-passwords
  require_numbers                = false # expect: terraform.aws-iam-require-numbers-in-passwords
  require_symbols                = false # expect: terraform.aws-iam-require-symbols-in-passwords
  allow_users_to_change_password = true
  max_password_age               = 365 # expect: terraform.aws-iam-set-max-password-age
  password_reuse_prevention      = 3   # expect: terraform.aws-iam-no-password-reuse
}
