locals {
  name = var.name

  private_subnets = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets  = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 8, 200 + i)]
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

# Interface endpoints, so that tasks reach AWS APIs without leaving the VPC.
module "vpc_endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "5.16.0"

  vpc_id             = aws_vpc.main.id
  security_group_ids = [aws_security_group.endpoints.id]
  subnet_ids         = aws_subnet.private[*].id

  endpoints = {
    ecr_api        = { service = "ecr.api", private_dns_enabled = true }
    ecr_dkr        = { service = "ecr.dkr", private_dns_enabled = true }
    logs           = { service = "logs", private_dns_enabled = true }
    secretsmanager = { service = "secretsmanager", private_dns_enabled = true }
    sqs            = { service = "sqs", private_dns_enabled = true }
  }
}

module "alarms" {
  source = "git::https://github.com/acme-corp/terraform-aws-alarms.git?ref=v1.4.2"

  name          = local.name
  sns_topic_arn = aws_sns_topic.alerts.arn
}

module "dns" {
  source = "./modules/dns"

  zone_name       = var.domain_name
  cloudfront_name = aws_cloudfront_distribution.web.domain_name
}
