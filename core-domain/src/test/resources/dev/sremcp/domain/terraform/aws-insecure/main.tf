locals {
  name = "shop-${var.environment}"

  tags = {
    Project     = "shop"
    Environment = var.environment
    Owner       = "platform-team"
  }
}

module "vpc_endpoints" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints" # expect: terraform.unpinned-module

  vpc_id             = aws_vpc.main.id
  security_group_ids = [aws_security_group.app.id]

  endpoints = {
    s3 = {
      service      = "s3"
      service_type = "Gateway"
    }
  }
}

module "alarms" {
  source = "git::https://github.com/acme-corp/terraform-aws-alarms.git" # expect: terraform.unpinned-module

  name          = local.name
  sns_topic_arn = aws_sns_topic.alerts.arn
}

module "dns" {
  source = "./modules/dns"

  zone_name    = "shop.example.com"
  alb_dns_name = aws_lb.web.dns_name
}

module "waf" {
  source = "git::https://github.com/acme-corp/terraform-aws-waf.git?ref=v2.3.1"

  name = local.name
}
