/**
 * Terraform: HCL files and {@code terraform show -json} plans read into one model of blocks with
 * their lines, and {@code review_terraform}, tfsec-class security checks over it.
 */
package dev.sremcp.domain.terraform;
