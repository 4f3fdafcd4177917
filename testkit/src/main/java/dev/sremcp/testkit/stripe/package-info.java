/**
 * Stripe without Stripe's servers: {@link dev.sremcp.testkit.stripe.StripeStub}, a local HTTP
 * server for the endpoints sre-mcp calls, which also plays Stripe's side of a subscription's life
 * and writes the notifications Stripe would send; and {@link
 * dev.sremcp.testkit.stripe.StripeSignatures}, which signs them with Stripe's real scheme.
 */
package dev.sremcp.testkit.stripe;
