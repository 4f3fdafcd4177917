terraform {
  required_version = ">= 1.5.0"

  required_providers {
    azurerm = { # expect: terraform.unpinned-provider
      source = "hashicorp/azurerm"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  client_id       = "11111111-1111-1111-1111-111111111111"
  client_secret   = "cL1ent~S3cret.Value_f0r-the_sp" # expect: terraform.hardcoded-credential
  tenant_id       = "22222222-2222-2222-2222-222222222222"
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "shop" {
  name     = "rg-shop-prod"
  location = "westeurope"
}

resource "azurerm_virtual_network" "shop" {
  name                = "vnet-shop"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  address_space       = ["10.30.0.0/16"]
}

resource "azurerm_subnet" "web" {
  name                 = "snet-web"
  resource_group_name  = azurerm_resource_group.shop.name
  virtual_network_name = azurerm_virtual_network.shop.name
  address_prefixes     = ["10.30.1.0/24"]
}

resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name

  security_rule {
    name                       = "allow-https-from-lb"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "AzureLoadBalancer"
    destination_address_prefix = "*"
  }

  security_rule { # expect: terraform.azure-network-no-public-ingress, terraform.azure-network-ssh-blocked-from-internet
    name                       = "allow-ssh"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_group" "jump" {
  name                = "nsg-jump"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
}

# expect: terraform.azure-network-no-public-ingress, terraform.azure-network-disable-rdp-from-internet
resource "azurerm_network_security_rule" "jump_rdp" {
  name                        = "allow-rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["3380-3390"]
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.shop.name
  network_security_group_name = azurerm_network_security_group.jump.name
}

resource "azurerm_network_security_rule" "jump_deny_all" {
  name                        = "deny-all-inbound"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.shop.name
  network_security_group_name = azurerm_network_security_group.jump.name
}

resource "azurerm_public_ip" "web" {
  name                = "pip-web"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_network_interface" "web" {
  name                = "nic-web"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.web.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.web.id
  }
}

resource "azurerm_linux_virtual_machine" "web" {
  name                            = "vm-web"
  location                        = azurerm_resource_group.shop.location
  resource_group_name             = azurerm_resource_group.shop.name
  size                            = "Standard_B2s"
  admin_username                  = "shopadmin"
  admin_password                  = "P@ssw0rd-Shop-2024!" # expect: terraform.hardcoded-credential
  disable_password_authentication = false                 # expect: terraform.azure-compute-disable-password-authentication
  network_interface_ids           = [azurerm_network_interface.web.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
}

resource "azurerm_storage_account" "assets" { # expect: terraform.azure-storage-use-secure-tls-policy
  name                      = "stshopassets"
  resource_group_name       = azurerm_resource_group.shop.name
  location                  = azurerm_resource_group.shop.location
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  enable_https_traffic_only = false # expect: terraform.azure-storage-enforce-https

  network_rules {
    default_action = "Allow" # expect: terraform.azure-storage-default-action-deny
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_storage_account" "exports" {
  name                     = "stshopexports"
  resource_group_name      = azurerm_resource_group.shop.name
  location                 = azurerm_resource_group.shop.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_1" # expect: terraform.azure-storage-use-secure-tls-policy
}

resource "azurerm_storage_account_network_rules" "exports" {
  storage_account_id = azurerm_storage_account.exports.id
  default_action     = "Allow" # expect: terraform.azure-storage-default-action-deny
  ip_rules           = ["203.0.113.10"]
}

resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.assets.name
  container_access_type = "blob" # expect: terraform.azure-storage-no-public-access
}

resource "azurerm_storage_container" "invoices" {
  name                  = "invoices"
  storage_account_name  = azurerm_storage_account.exports.name
  container_access_type = "private"
}

resource "azurerm_key_vault" "shop" { # expect: terraform.azure-keyvault-specify-network-acl
  name                     = "kv-shop-prod"
  location                 = azurerm_resource_group.shop.location
  resource_group_name      = azurerm_resource_group.shop.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = false # expect: terraform.azure-keyvault-no-purge
}

resource "azurerm_postgresql_server" "orders" {
  name                = "psql-shop-orders"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  sku_name            = "GP_Gen5_2"
  version             = "11"
  storage_mb          = 51200

  administrator_login          = "shopadmin"
  administrator_login_password = var.postgres_password

  ssl_enforcement_enabled       = false # expect: terraform.azure-database-enable-ssl-enforcement
  public_network_access_enabled = true  # expect: terraform.azure-database-no-public-access
}

resource "azurerm_mssql_server" "reporting" { # expect: terraform.azure-database-no-public-access
  name                         = "sql-shop-reporting"
  resource_group_name          = azurerm_resource_group.shop.name
  location                     = azurerm_resource_group.shop.location
  version                      = "12.0"
  administrator_login          = "reporting"
  administrator_login_password = var.postgres_password
  minimum_tls_version          = "1.2"
}

variable "postgres_password" {
  type      = string
  sensitive = true
}

resource "azurerm_kubernetes_cluster" "shop" { # expect: terraform.azure-container-limit-authorized-ips
  name                = "aks-shop"
  location            = azurerm_resource_group.shop.location
  resource_group_name = azurerm_resource_group.shop.name
  dns_prefix          = "shop"

  default_node_pool {
    name       = "default"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}
