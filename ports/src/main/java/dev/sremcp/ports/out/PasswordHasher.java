package dev.sremcp.ports.out;

/** One-way, slow, salted password hashes. */
public interface PasswordHasher {

  String hash(String password);

  boolean matches(String password, String hash);
}
