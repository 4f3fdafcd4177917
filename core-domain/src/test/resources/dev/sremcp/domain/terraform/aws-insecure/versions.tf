terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = { # expect: terraform.unpinned-provider
      source = "hashicorp/aws"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    http = { # expect: terraform.unpinned-provider
      source = "hashicorp/http"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "shop/prod/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
  }
}

provider "aws" {
  region     = var.region
  access_key = "AKIAIOSFODNN7EXAMPLE"                     # expect: terraform.hardcoded-credential
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # expect: terraform.hardcoded-credential

  default_tags {
    tags = local.tags
  }
}
