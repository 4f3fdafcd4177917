# Static assets served to browsers.
# expect: terraform.aws-s3-enable-bucket-encryption
resource "aws_s3_bucket" "assets" {
  bucket = "acme-shop-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read" # expect: terraform.aws-s3-no-public-access-with-acl
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = false # expect: terraform.aws-s3-block-public-acls
  block_public_policy     = false # expect: terraform.aws-s3-block-public-policy
  ignore_public_acls      = false # expect: terraform.aws-s3-ignore-public-acls
  restrict_public_buckets = false # expect: terraform.aws-s3-no-public-buckets
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id

  versioning_configuration {
    status = "Suspended" # expect: terraform.aws-s3-enable-versioning
  }
}

resource "aws_s3_bucket_logging" "assets" {
  bucket        = aws_s3_bucket.assets.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "assets/"
}

# Files customers upload: no public access block, no access logs.
# expect: terraform.aws-s3-block-public-acls, terraform.aws-s3-block-public-policy
# expect: terraform.aws-s3-ignore-public-acls, terraform.aws-s3-no-public-buckets
# expect: terraform.aws-s3-specify-public-access-block, terraform.aws-s3-enable-bucket-logging
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-shop-uploads"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default { # expect: terraform.aws-s3-encryption-customer-key
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Enabled"
  }
}

# Access logs of the other buckets (the ACL lets the log delivery group write).
resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-shop-access-logs"

  versioning {
    enabled = false # expect: terraform.aws-s3-enable-versioning
  }
}

resource "aws_s3_bucket_acl" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# CloudTrail's bucket: "authenticated-read" is any AWS account, not this one.
# expect: terraform.aws-s3-block-public-acls, terraform.aws-s3-block-public-policy
# expect: terraform.aws-s3-ignore-public-acls, terraform.aws-s3-no-public-buckets
# expect: terraform.aws-s3-specify-public-access-block, terraform.aws-s3-enable-bucket-logging
# expect: terraform.aws-s3-enable-versioning
resource "aws_s3_bucket" "trail" {
  bucket        = "acme-shop-cloudtrail"
  force_destroy = true
}

resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "authenticated-read" # expect: terraform.aws-s3-no-public-access-with-acl
}

resource "aws_s3_bucket_server_side_encryption_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.main.arn
    }
  }
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = data.aws_iam_policy_document.trail_bucket.json
}

resource "aws_efs_file_system" "media" { # expect: terraform.aws-efs-enable-at-rest-encryption
  creation_token   = "${local.name}-media"
  performance_mode = "generalPurpose"
}

resource "aws_efs_mount_target" "media" {
  count           = 2
  file_system_id  = aws_efs_file_system.media.id
  subnet_id       = aws_subnet.private[count.index].id
  security_groups = [aws_security_group.app.id]
}
