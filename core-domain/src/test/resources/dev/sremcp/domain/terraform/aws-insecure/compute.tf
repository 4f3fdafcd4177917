# expect: terraform.aws-ec2-enforce-http-token-imds
resource "aws_instance" "bastion" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.public[0].id
  vpc_security_group_ids      = [aws_security_group.bastion.id]
  associate_public_ip_address = true
  key_name                    = "ops"

  # expect: terraform.aws-ec2-no-secrets-in-user-data
  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    mkdir -p /root/.aws
    cat > /root/.aws/credentials <<CREDS
    [default]
    aws_access_key_id = AKIAIOSFODNN7EXAMPLE
    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    CREDS
  EOT

  root_block_device { # expect: terraform.aws-ec2-enable-at-rest-encryption
    volume_size = 20
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false # expect: terraform.aws-ec2-enable-at-rest-encryption
  }
}

resource "aws_launch_template" "app" {
  name_prefix   = "${local.name}-app-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.large"

  # expect: terraform.aws-ec2-no-secrets-in-launch-template-user-data
  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config
    export DB_PASSWORD=Sup3rS3cretPassw0rd
  EOT
  )

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: terraform.aws-ec2-enforce-launch-config-http-token-imds
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = true
    }
  }
}

resource "aws_autoscaling_group" "app" {
  name                = "${local.name}-app"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = aws_subnet.private[*].id

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

# The batch workers still run from a launch configuration.
# expect: terraform.aws-ec2-enforce-launch-config-http-token-imds
resource "aws_launch_configuration" "batch" {
  name_prefix                 = "${local.name}-batch-"
  image_id                    = data.aws_ami.al2023.id
  instance_type               = "c5.xlarge"
  associate_public_ip_address = true # expect: terraform.aws-ec2-no-public-ip
  user_data                   = "#!/bin/bash\n/opt/batch/start --api_key=9f8e7d6c5b4a39281706" # expect: terraform.aws-ec2-no-sensitive-info

  root_block_device {
    volume_size = 50
    encrypted   = false # expect: terraform.aws-ec2-enable-launch-config-at-rest-encryption
  }
}

resource "aws_ebs_volume" "scratch" { # expect: terraform.aws-ec2-enable-volume-encryption, terraform.aws-ec2-volume-encryption-customer-key
  availability_zone = data.aws_availability_zones.available.names[0]
  size              = 500
  type              = "gp3"
}

resource "aws_ebs_volume" "archive" {
  availability_zone = data.aws_availability_zones.available.names[0]
  size              = 1000
  type              = "sc1"
  encrypted         = true
  kms_key_id        = aws_kms_key.main.arn
}
