/**
 * Payments through Stripe: {@link dev.sremcp.billing.BillingModule} binds the {@code Payments} port
 * to stripe-java when {@link dev.sremcp.billing.BillingSettings} say billing is on.
 */
package dev.sremcp.billing;
