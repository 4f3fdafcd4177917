terraform {
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.30"
    }
    google-beta = { # expect: terraform.unpinned-provider
      source = "hashicorp/google-beta"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

variable "project_id" {
  type = string
}

variable "region" {
  type    = string
  default = "europe-west1"
}

resource "google_project" "shop" { # expect: terraform.google-iam-no-default-network
  name            = "shop-prod"
  project_id      = var.project_id
  org_id          = "123456789012"
  billing_account = "012345-6789AB-CDEF01"
}

resource "google_compute_network" "main" {
  name                    = "shop"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "web" {
  name          = "shop-web"
  network       = google_compute_network.main.id
  region        = var.region
  ip_cidr_range = "10.10.0.0/20"

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = "10.20.0.0/14"
  }

  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = "10.24.0.0/20"
  }
}

resource "google_compute_firewall" "ssh" {
  name          = "shop-allow-ssh"
  network       = google_compute_network.main.name
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"] # expect: terraform.google-compute-no-public-ingress

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "internal" {
  name          = "shop-allow-internal"
  network       = google_compute_network.main.name
  source_ranges = ["10.10.0.0/20"]

  allow {
    protocol = "all"
  }
}

resource "google_compute_instance" "nat_gateway" {
  name           = "shop-nat"
  machine_type   = "e2-small"
  zone           = "${var.region}-b"
  can_ip_forward = true # expect: terraform.google-compute-no-ip-forwarding

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.web.id

    access_config { # expect: terraform.google-compute-no-public-ip
      network_tier = "PREMIUM"
    }
  }

  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "true" # expect: terraform.google-compute-no-serial-port
  }
}

resource "google_storage_bucket" "assets" { # expect: terraform.google-storage-enable-ubla
  name          = "acme-shop-assets"
  location      = "EU"
  force_destroy = true

  website {
    main_page_suffix = "index.html"
  }
}

resource "google_storage_bucket" "exports" {
  name                        = "acme-shop-exports"
  location                    = "EU"
  uniform_bucket_level_access = false # expect: terraform.google-storage-enable-ubla
}

resource "google_storage_bucket_iam_member" "assets_public" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect: terraform.google-storage-no-public-access
}

resource "google_storage_bucket_iam_binding" "exports_readers" {
  bucket  = google_storage_bucket.exports.name
  role    = "roles/storage.objectViewer"
  members = ["group:analysts@example.com", "allAuthenticatedUsers"] # expect: terraform.google-storage-no-public-access
}

resource "google_sql_database_instance" "orders" {
  name             = "shop-orders"
  database_version = "POSTGRES_15"
  region           = var.region

  settings {
    tier = "db-custom-2-7680"

    backup_configuration { # expect: terraform.google-sql-enable-backup
      point_in_time_recovery_enabled = false
    }

    ip_configuration { # expect: terraform.google-sql-encrypt-in-transit-data
      ipv4_enabled = true

      authorized_networks {
        name  = "office"
        value = "203.0.113.10/32"
      }

      authorized_networks { # expect: terraform.google-sql-no-public-access
        name  = "anywhere"
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_sql_database_instance" "orders_replica" {
  name                 = "shop-orders-replica"
  database_version     = "POSTGRES_15"
  region               = var.region
  master_instance_name = google_sql_database_instance.orders.name

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
      ssl_mode        = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect: terraform.google-sql-encrypt-in-transit-data
    }
  }
}

resource "google_service_account" "gke_nodes" {
  account_id   = "shop-gke-nodes"
  display_name = "GKE nodes"
}

resource "google_project_iam_member" "gke_nodes_editor" {
  project = var.project_id
  role    = "roles/editor" # expect: terraform.google-iam-no-privileged-service-accounts
  member  = "serviceAccount:${google_service_account.gke_nodes.email}"
}

resource "google_project_iam_binding" "deployers" {
  project = var.project_id
  role    = "roles/container.admin" # expect: terraform.google-iam-no-privileged-service-accounts
  members = [
    "group:platform@example.com",
    "serviceAccount:ci-deployer@shop-prod.iam.gserviceaccount.com",
  ]
}

resource "google_project_iam_member" "log_writer" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.gke_nodes.email}"
}

# expect: terraform.google-gke-enable-master-networks, terraform.google-gke-enable-network-policy
resource "google_container_cluster" "main" {
  name               = "shop"
  location           = var.region
  network            = google_compute_network.main.id
  subnetwork         = google_compute_subnetwork.web.id
  enable_legacy_abac = true # expect: terraform.google-gke-use-rbac-permissions

  remove_default_node_pool = true
  initial_node_count       = 1

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  private_cluster_config {
    enable_private_nodes    = false # expect: terraform.google-gke-enable-private-cluster
    enable_private_endpoint = false
  }
}

resource "google_container_node_pool" "default" {
  name       = "default"
  cluster    = google_container_cluster.main.id
  node_count = 3

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.gke_nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_kms_key_ring" "shop" {
  name     = "shop"
  location = var.region
}

resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.shop.id
  rotation_period = "31536000s" # expect: terraform.google-kms-rotate-kms-keys
}

resource "google_kms_crypto_key" "backups" {
  name            = "backups"
  key_ring        = google_kms_key_ring.shop.id
  rotation_period = "7776000s"
}

module "cloud_nat" {
  source     = "terraform-google-modules/cloud-nat/google" # expect: terraform.unpinned-module
  project_id = var.project_id
  region     = var.region
  router     = "shop-router"
}

module "lb_http" {
  source  = "terraform-google-modules/lb-http/google"
  version = "~> 11.0"

  name    = "shop"
  project = var.project_id
}
