resource "aws_ecr_repository" "app" { # expect: terraform.aws-ecr-repository-customer-key
  name                 = "shop/app"
  image_tag_mutability = "MUTABLE" # expect: terraform.aws-ecr-enforce-immutable-repository

  image_scanning_configuration {
    scan_on_push = false # expect: terraform.aws-ecr-enable-image-scans
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({ # expect: terraform.aws-ecr-no-public-access
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullFromAnywhere"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_ecs_cluster" "main" { # expect: terraform.aws-ecs-enable-container-insight
  name = local.name
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${local.name}-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([ # expect: terraform.aws-ecs-no-plaintext-secrets
    {
      name      = "app"
      image     = "${aws_ecr_repository.app.repository_url}:latest"
      essential = true
      portMappings = [{
        containerPort = 8080
        protocol      = "tcp"
      }]
      environment = [
        { name = "SPRING_PROFILES_ACTIVE", value = "prod" },
        { name = "DATABASE_PASSWORD", value = "Sup3rS3cretPassw0rd" },
      ]
      mountPoints = [{
        sourceVolume  = "media"
        containerPath = "/srv/media"
      }]
    }
  ])

  volume {
    name = "tmp"
  }

  volume {
    name = "media"

    efs_volume_configuration { # expect: terraform.aws-ecs-enable-in-transit-encryption
      file_system_id = aws_efs_file_system.media.id
      root_directory = "/"
    }
  }
}

resource "aws_ecs_service" "app" {
  name            = "${local.name}-app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 8080
  }
}

resource "aws_iam_role" "eks" {
  name = "${local.name}-eks"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "eks.amazonaws.com" }
    }]
  })
}

# expect: terraform.aws-eks-encrypt-secrets
resource "aws_eks_cluster" "main" {
  name                      = local.name
  role_arn                  = aws_iam_role.eks.arn
  version                   = "1.29"
  enabled_cluster_log_types = ["api", "audit"] # expect: terraform.aws-eks-enable-control-plane-logging

  vpc_config { # expect: terraform.aws-eks-no-public-cluster-access-to-cidr
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true # expect: terraform.aws-eks-no-public-cluster-access
  }
}
