variable "name" {
  description = "Prefix of every resource name"
  type        = string
  default     = "shop-prod"
}

variable "vpc_cidr" {
  description = "Address range of the VPC"
  type        = string
  default     = "10.40.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread the subnets over"
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "domain_name" {
  description = "Public host name of the shop"
  type        = string
  default     = "shop.example.com"
}

variable "certificate_arn" {
  description = "ACM certificate of the load balancer (in the module's region)"
  type        = string
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate of the CloudFront distribution (in us-east-1)"
  type        = string
}

variable "app_image_tag" {
  description = "Immutable tag of the application image to deploy"
  type        = string
}

variable "tags" {
  description = "Tags added to every resource"
  type        = map(string)
  default     = {}
}
