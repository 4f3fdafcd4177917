/**
 * Accounts and what they may do: tiers and their limits, who is calling, and why a call is refused.
 * Plain data; the stores and limiters that act on it are ports.
 */
package dev.sremcp.domain.account;
