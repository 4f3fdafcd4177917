resource "aws_elasticache_subnet_group" "cache" {
  name       = "shop-cache"
  subnet_ids = var.private_subnet_ids
}

resource "aws_security_group" "cache" {
  name        = "shop-cache"
  description = "Redis, reached by the application only"
  vpc_id      = var.vpc_id

  ingress {
    description     = "Redis from the application"
    from_port       = 6379
    to_port           6379 # expect: terraform.syntax-error
    protocol        = "tcp"
    security_groups = [var.app_security_group_id]
  }
}

resource "aws_s3_bucket" "never_read" {
  bucket = "this-file-is-not-reviewed"
}
