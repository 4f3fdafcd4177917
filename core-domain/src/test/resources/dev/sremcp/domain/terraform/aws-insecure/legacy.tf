# Left over from the EC2-Classic days; nobody dared to delete these.
resource "aws_default_vpc" "default" { # expect: terraform.aws-ec2-no-default-vpc
  tags = { Name = "Default VPC" }
}

resource "aws_db_security_group" "legacy" { # expect: terraform.aws-rds-no-classic-resources
  name = "legacy-db"

  ingress {
    cidr = "10.0.0.0/8"
  }
}

# expect: terraform.aws-rds-no-classic-resources, terraform.aws-redshift-no-classic-resources
resource "aws_redshift_security_group" "legacy" {
  name        = "legacy-redshift"
  description = "" # expect: terraform.aws-redshift-add-description-to-security-group

  ingress {
    cidr = "10.0.0.0/8"
  }
}

resource "aws_elasticache_security_group" "legacy" { # expect: terraform.aws-rds-no-classic-resources
  name                 = "legacy-cache"
  description          = "" # expect: terraform.aws-elasticache-add-description-for-security-group
  security_group_names = [aws_db_security_group.legacy.name]
}
