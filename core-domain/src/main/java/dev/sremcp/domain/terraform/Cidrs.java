package dev.sremcp.domain.terraform;

/** Tells CIDR blocks open to the internet from private ones. */
final class Cidrs {

  private Cidrs() {}

  /**
   * True for a public range of more than one address, such as {@code 0.0.0.0/0} or {@code ::/0}:
   * not RFC 1918, shared, loopback or link-local space.
   */
  static boolean publicWide(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String address = cidr.substring(0, slash);
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (address.contains(":")) {
      String lower = address.toLowerCase(java.util.Locale.ROOT);
      boolean local =
          lower.startsWith("fc")
              || lower.startsWith("fd")
              || lower.startsWith("fe80")
              || lower.equals("::1");
      return !local && prefix < 128;
    }
    String[] octets = address.split("\\.");
    if (octets.length != 4) {
      return false;
    }
    int a;
    int b;
    try {
      a = Integer.parseInt(octets[0]);
      b = Integer.parseInt(octets[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    if (prefix >= 8) {
      boolean privateSpace =
          a == 10
              || a == 127
              || (a == 172 && b >= 16 && b <= 31)
              || (a == 192 && b == 168)
              || (a == 100 && b >= 64 && b <= 127)
              || (a == 169 && b == 254);
      if (privateSpace) {
        return false;
      }
    }
    return prefix < 32;
  }
}
