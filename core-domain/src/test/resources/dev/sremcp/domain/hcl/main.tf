# Production web tier: network, storage, IAM and compute.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "web/prod.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type        = string
  description = "Deployment environment"
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "instance_count" {
  type    = number
  default = 3
}

variable "allowed_ports" {
  type    = list(number)
  default = [80, 443]
}

locals {
  name = "web-${var.environment}"
  common_tags = {
    Environment = var.environment
    Team        = "sre"
    ManagedBy   = "terraform"
  }
  subnet_ids = [for s in module.vpc.private_subnets : s if s != ""]
  port_rules = { for p in var.allowed_ports : tostring(p) => p }
  is_prod    = var.environment == "prod"
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.5.1"

  name            = local.name
  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "aws_security_group" "web" {
  name   = "${local.name}-sg"
  vpc_id = module.vpc.vpc_id

  dynamic "ingress" {
    for_each = local.port_rules
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "web" {
  name = "${local.name}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "logs" {
  role   = aws_iam_role.web.id
  policy = <<-EOF
    {
      "Effect": "Allow",
      "Action": ["s3:PutObject"],
      "Resource": "${aws_s3_bucket.logs.arn}/*"
    }
  EOF
}

resource "aws_instance" "web" {
  count                  = local.is_prod ? var.instance_count : 1
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = local.is_prod ? "m5.large" : "t3.micro"
  subnet_id              = element(local.subnet_ids, count.index)
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = merge(local.common_tags, { Name = "${local.name}-${count.index}" })
}

output "instance_ids" {
  value = aws_instance.web[*].id
}
