package dev.sremcp.billing;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sremcp.ports.out.Payments;

/** Binds {@link Payments} to Stripe, configured by {@link BillingSettings}. */
public final class BillingModule extends AbstractModule {

  private final BillingSettings settings;

  public BillingModule(BillingSettings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  Payments payments() {
    return new StripePayments(settings);
  }
}
