/**
 * The auth adapters: ES256 JWT access tokens with nimbus-jose-jwt, and Argon2id password hashes
 * with password4j. {@link dev.sremcp.auth.AuthModule} is the one Guice module hosts install.
 */
package dev.sremcp.auth;
