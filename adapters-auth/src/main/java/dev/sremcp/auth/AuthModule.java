package dev.sremcp.auth;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sremcp.ports.out.AccessTokens;
import dev.sremcp.ports.out.PasswordHasher;

/** Binds access tokens to nimbus-jose-jwt and password hashes to password4j. */
public final class AuthModule extends AbstractModule {

  private final TokenSettings tokens;

  public AuthModule(TokenSettings tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void configure() {
    bind(PasswordHasher.class).to(Argon2PasswordHasher.class);
  }

  @Provides
  @Singleton
  AccessTokens accessTokens() {
    return new NimbusAccessTokens(tokens);
  }

  @Provides
  @Singleton
  Argon2PasswordHasher passwords() {
    return new Argon2PasswordHasher();
  }
}
