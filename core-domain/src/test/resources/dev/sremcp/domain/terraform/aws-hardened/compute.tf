data "aws_ssm_parameter" "ecs_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
}

# Container instances for the batch workers; reached through Session Manager, never SSH.
resource "aws_launch_template" "workers" {
  name_prefix   = "${local.name}-workers-"
  image_id      = data.aws_ssm_parameter.ecs_ami.value
  instance_type = "m7g.large"

  iam_instance_profile {
    name = "${local.name}-workers"
  }

  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config
  EOT
  )

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  network_interfaces {
    associate_public_ip_address = false
    security_groups             = [aws_security_group.app.id]
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = aws_kms_key.main.arn
    }
  }
}

resource "aws_autoscaling_group" "workers" {
  name                = "${local.name}-workers"
  min_size            = 1
  max_size            = 6
  vpc_zone_identifier = aws_subnet.private[*].id

  launch_template {
    id      = aws_launch_template.workers.id
    version = aws_launch_template.workers.latest_version
  }
}

# A one-off maintenance host, in a private subnet, managed through Session Manager.
resource "aws_instance" "maintenance" {
  ami                    = data.aws_ssm_parameter.ecs_ami.value
  instance_type          = "t4g.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "${local.name}-maintenance"
  monitoring             = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    volume_size = 20
    encrypted   = true
    kms_key_id  = aws_kms_key.main.arn
  }
}

resource "aws_ebs_volume" "maintenance_scratch" {
  availability_zone = var.azs[0]
  size              = 100
  type              = "gp3"
  encrypted         = true
  kms_key_id        = aws_kms_key.main.arn
}
