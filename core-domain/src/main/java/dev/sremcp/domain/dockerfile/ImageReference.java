package dev.sremcp.domain.dockerfile;

/**
 * An image reference split the way the Docker daemon reads it: {@code
 * [registry/]repository[:tag][@digest]}, the registry {@code docker.io} when none is named.
 *
 * @param tag the tag, or {@code null} when none is given
 * @param digest the digest, or {@code null}
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  public static ImageReference parse(String image) {
    String name = image;
    String digest = null;
    int at = name.indexOf('@');
    if (at >= 0) {
      digest = name.substring(at + 1);
      name = name.substring(0, at);
    }
    String tag = null;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    String registry = "docker.io";
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        name = name.substring(slash + 1);
      }
    }
    return new ImageReference(registry, name, tag, digest);
  }
}
