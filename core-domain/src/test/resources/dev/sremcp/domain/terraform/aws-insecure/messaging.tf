resource "aws_sns_topic" "alerts" { # expect: terraform.aws-sns-enable-topic-encryption
  name = "${local.name}-alerts"
}

resource "aws_sns_topic" "order_events" {
  name              = "${local.name}-order-events"
  kms_master_key_id = "alias/aws/sns" # expect: terraform.aws-sns-topic-encryption-use-cmk
}

resource "aws_sqs_queue" "orders" { # expect: terraform.aws-sqs-enable-queue-encryption
  name                       = "${local.name}-orders"
  visibility_timeout_seconds = 60
  policy = jsonencode({ # expect: terraform.aws-sqs-no-wildcards-in-policy-documents
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sqs:*"
      Resource  = "*"
    }]
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name              = "${local.name}-orders-dlq"
  kms_master_key_id = "alias/aws/sqs" # expect: terraform.aws-sqs-queue-encryption-use-cmk
}

resource "aws_sqs_queue" "emails" {
  name                    = "${local.name}-emails"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue_policy" "emails" {
  queue_url = aws_sqs_queue.emails.id
  policy = jsonencode({ # expect: terraform.aws-sqs-no-wildcards-in-policy-documents
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "*"
      Resource  = aws_sqs_queue.emails.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.order_events.arn } }
    }]
  })
}

resource "aws_sns_topic_subscription" "emails" {
  topic_arn = aws_sns_topic.order_events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.emails.arn
}

resource "aws_kinesis_stream" "clickstream" { # expect: terraform.aws-kinesis-enable-in-transit-encryption
  name             = "${local.name}-clickstream"
  shard_count      = 2
  retention_period = 48
}

resource "aws_mq_broker" "legacy" {
  broker_name         = "${local.name}-legacy"
  engine_type         = "ActiveMQ"
  engine_version      = "5.17.6"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = true # expect: terraform.aws-mq-no-public-access

  logs { # expect: terraform.aws-mq-enable-audit-logging
    general = true
  }

  user {
    username = "shop"
    password = "ActiveMqPassw0rd!" # expect: terraform.hardcoded-credential
  }
}

resource "aws_mq_broker" "internal" { # expect: terraform.aws-mq-enable-audit-logging, terraform.aws-mq-enable-general-logging
  broker_name        = "${local.name}-internal"
  engine_type        = "RabbitMQ"
  engine_version     = "3.11.20"
  host_instance_type = "mq.m5.large"

  user {
    username = "shop"
    password = var.catalog_password
  }
}

# expect: terraform.aws-msk-enable-logging
resource "aws_msk_cluster" "events" {
  cluster_name           = "${local.name}-events"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = aws_subnet.private[*].id
    security_groups = [aws_security_group.app.id]
  }

  encryption_info { # expect: terraform.aws-msk-enable-at-rest-encryption
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT" # expect: terraform.aws-msk-enable-in-transit-encryption
      in_cluster    = true
    }
  }
}
