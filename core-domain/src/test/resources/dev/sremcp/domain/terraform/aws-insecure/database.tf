resource "aws_db_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.public[*].id
}

resource "aws_db_instance" "orders" {
  identifier                   = "${local.name}-orders"
  engine                       = "postgres"
  engine_version               = "15.5"
  instance_class               = "db.t3.medium"
  allocated_storage            = 50
  db_name                      = "orders"
  username                     = var.db_username
  password                     = "Sup3rS3cretPassw0rd" # expect: terraform.hardcoded-credential
  db_subnet_group_name         = aws_db_subnet_group.main.name
  vpc_security_group_ids       = [aws_security_group.db.id]
  publicly_accessible          = true  # expect: terraform.aws-rds-enable-public-access, terraform.aws-rds-no-public-db-access
  storage_encrypted            = false # expect: terraform.aws-rds-encrypt-instance-storage-data
  backup_retention_period      = 1     # expect: terraform.aws-rds-specify-backup-retention
  deletion_protection          = false # expect: terraform.aws-rds-enable-deletion-protection
  performance_insights_enabled = true  # expect: terraform.aws-rds-enable-performance-insights-encryption
  skip_final_snapshot          = true

  iam_database_authentication_enabled = false # expect: terraform.aws-rds-enable-iam-auth
}

resource "aws_db_instance" "orders_replica" { # expect: terraform.aws-rds-enable-deletion-protection, terraform.aws-rds-enable-performance-insights
  identifier             = "${local.name}-orders-replica"
  replicate_source_db    = aws_db_instance.orders.identifier
  instance_class         = "db.t3.medium"
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = true

  iam_database_authentication_enabled = true
}

# expect: terraform.aws-rds-encrypt-cluster-storage-data, terraform.aws-rds-specify-backup-retention
resource "aws_rds_cluster" "reporting" {
  cluster_identifier          = "${local.name}-reporting"
  engine                      = "aurora-postgresql"
  engine_version              = "15.4"
  database_name               = "reporting"
  master_username             = "reporting"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.main.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "reporting" { # expect: terraform.aws-rds-enable-performance-insights
  count               = 2
  identifier          = "${local.name}-reporting-${count.index}"
  cluster_identifier  = aws_rds_cluster.reporting.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.reporting.engine
  publicly_accessible = true # expect: terraform.aws-rds-no-public-db-access
}

# expect: terraform.aws-documentdb-encryption-customer-key, terraform.aws-documentdb-enable-log-export
resource "aws_docdb_cluster" "catalog" {
  cluster_identifier      = "${local.name}-catalog"
  engine                  = "docdb"
  master_username         = "catalog"
  master_password         = var.catalog_password
  backup_retention_period = 7
  storage_encrypted       = false # expect: terraform.aws-documentdb-enable-storage-encryption
  skip_final_snapshot     = true
}

# expect: terraform.aws-neptune-enable-storage-encryption, terraform.aws-neptune-encryption-customer-key
resource "aws_neptune_cluster" "recommendations" {
  cluster_identifier                  = "${local.name}-recommendations"
  engine                              = "neptune"
  backup_retention_period             = 5
  iam_database_authentication_enabled = true
  enable_cloudwatch_logs_exports      = ["slowquery"] # expect: terraform.aws-neptune-enable-log-export
  skip_final_snapshot                 = true
}

resource "aws_redshift_cluster" "warehouse" { # expect: terraform.aws-redshift-use-vpc
  cluster_identifier  = "${local.name}-warehouse"
  database_name       = "warehouse"
  master_username     = "warehouse"
  node_type           = "ra3.xlplus"
  cluster_type        = "multi-node"
  number_of_nodes     = 2
  encrypted           = false # expect: terraform.aws-redshift-encryption-customer-key
  skip_final_snapshot = true

  manage_master_password = true
}

resource "aws_elasticache_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id
}

# expect: terraform.aws-elasticache-enable-at-rest-encryption, terraform.aws-elasticache-enable-in-transit-encryption
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name}-sessions"
  description          = "Web sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  port                 = 6379
  subnet_group_name    = aws_elasticache_subnet_group.main.name
  security_group_ids   = [aws_security_group.app.id]
}

resource "aws_elasticache_cluster" "rate_limits" {
  cluster_id               = "${local.name}-rate-limits"
  engine                   = "redis"
  node_type                = "cache.t4g.micro"
  num_cache_nodes          = 1
  subnet_group_name        = aws_elasticache_subnet_group.main.name
  snapshot_retention_limit = 0 # expect: terraform.aws-elasticache-enable-backup-retention
}

resource "aws_dynamodb_table" "orders" { # expect: terraform.aws-dynamodb-enable-recovery
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }

  server_side_encryption { # expect: terraform.aws-dynamodb-table-customer-key
    enabled = true
  }
}

resource "aws_dax_cluster" "orders" { # expect: terraform.aws-dynamodb-enable-at-rest-encryption
  cluster_name       = "shop-orders"
  iam_role_arn       = aws_iam_role.task.arn
  node_type          = "dax.r5.large"
  replication_factor = 3
}
