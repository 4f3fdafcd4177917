/**
 * Subscriptions and what they entitle an account to, and the business in numbers. Plain data and
 * pure decisions; the payment provider and the store that act on them are ports.
 */
package dev.sremcp.domain.billing;
