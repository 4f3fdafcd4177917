/** A parser for HCL native syntax (Terraform .tf files) that keeps line numbers on every node. */
package dev.sremcp.domain.hcl;
