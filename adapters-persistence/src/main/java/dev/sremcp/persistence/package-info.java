/**
 * The persistence adapters: PostgreSQL (embedded under {@code SREMCP_HOME}, or external) behind the
 * account, credential, quota and audit ports, and the limiters, in process or in Redis. {@link
 * dev.sremcp.persistence.PersistenceModule} is the one Guice module hosts install.
 */
package dev.sremcp.persistence;
