package dev.sremcp.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.sremcp.ports.out.PasswordHasher;

/** Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), as PHC strings. */
public final class Argon2PasswordHasher implements PasswordHasher {

  private static final Argon2Function OWASP =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  @Override
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(OWASP).getResult();
  }

  @Override
  public boolean matches(String password, String hash) {
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}
