variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Deployment environment (dev, staging, prod)"
  type        = string
  default     = "prod"
}

variable "db_username" {
  description = "Master user name of the orders database"
  type        = string
  default     = "shop_admin"
}

variable "office_cidr" {
  description = "Public address of the office NAT"
  type        = string
  default     = "203.0.113.10/32"
}

variable "catalog_password" {
  description = "Master password of the catalog DocumentDB cluster"
  type        = string
  sensitive   = true
}
