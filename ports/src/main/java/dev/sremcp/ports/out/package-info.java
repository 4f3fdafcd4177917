/**
 * What the core needs from outside, named for the capability: stores for accounts, credentials, the
 * quota ledger and the audit trail; limiters; token signing and password hashing. Each port has one
 * contract suite in {@code testkit} that every adapter passes.
 */
package dev.sremcp.ports.out;
