resource "aws_lb" "web" {
  name               = "${local.name}-web"
  load_balancer_type = "application"
  internal           = false # expect: terraform.aws-elb-alb-not-public
  security_groups    = [aws_security_group.alb.id]
  subnets            = aws_subnet.public[*].id

  drop_invalid_header_fields = false # expect: terraform.aws-elb-drop-invalid-headers
}

resource "aws_lb_target_group" "app" {
  name        = "${local.name}-app"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id

  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # expect: terraform.aws-elb-http-not-used

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" # expect: terraform.aws-elb-use-secure-tls-policy
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/4f1c2b8e-0000-4000-8000-000000000000"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# expect: terraform.aws-cloudfront-enable-logging, terraform.aws-cloudfront-enable-waf
resource "aws_cloudfront_distribution" "assets" {
  enabled             = true
  is_ipv6_enabled     = true
  default_root_object = "index.html"
  aliases             = ["static.shop.example.com"]

  origin {
    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_id   = "assets"
  }

  default_cache_behavior {
    target_origin_id       = "assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = "assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "allow-all" # expect: terraform.aws-cloudfront-enforce-https
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/9a8b7c6d-0000-4000-8000-000000000000"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.1_2016" # expect: terraform.aws-cloudfront-use-secure-tls-policy
  }
}

resource "aws_api_gateway_rest_api" "public" {
  name = "${local.name}-public"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  parent_id   = aws_api_gateway_rest_api.public.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE" # expect: terraform.aws-api-gateway-no-public-access
}

resource "aws_api_gateway_method" "orders_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get_orders" {
  rest_api_id             = aws_api_gateway_rest_api.public.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.get_orders.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
}

resource "aws_api_gateway_deployment" "public" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  depends_on  = [aws_api_gateway_integration.get_orders]
}

# expect: terraform.aws-api-gateway-enable-access-logging, terraform.aws-api-gateway-enable-tracing
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  deployment_id = aws_api_gateway_deployment.public.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
    caching_enabled = true # expect: terraform.aws-api-gateway-enable-cache-encryption
  }
}

resource "aws_api_gateway_method_settings" "orders" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "orders/GET"

  settings {
    logging_level   = "INFO"
    caching_enabled = false # expect: terraform.aws-api-gateway-enable-cache
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.shop.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/4f1c2b8e-0000-4000-8000-000000000000"
  security_policy          = "TLS_1_0" # expect: terraform.aws-api-gateway-use-secure-tls-policy

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_lambda_function" "orders" { # expect: terraform.aws-lambda-enable-tracing
  function_name = "${local.name}-orders"
  role          = aws_iam_role.lambda.arn
  runtime       = "python3.12"
  handler       = "orders.handler"
  filename      = "${path.module}/build/orders.zip"

  environment {
    variables = {
      TABLE_NAME    = aws_dynamodb_table.orders.name
      PAYMENT_TOKEN = "sk_live_51H8xYzExampleToken" # expect: terraform.hardcoded-credential
    }
  }
}

resource "aws_iam_role" "lambda" {
  name = "${local.name}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowApiGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.public.execution_arn}/*/*"
}

resource "aws_lambda_permission" "uploads" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "s3.amazonaws.com" # expect: terraform.aws-lambda-restrict-source-arn
}
