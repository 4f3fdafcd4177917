package dev.sremcp.domain.promql;

/** Decodes UTF-8 the way Go does, keeping each byte that is not UTF-8 as a lone surrogate. */
final class Utf8 {

  private Utf8() {}

  static String decodeKeepingBadBytes(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b0 = bytes[i] & 0xff;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      }
      int need;
      int min;
      int cp;
      if (b0 >= 0xc2 && b0 <= 0xdf) {
        need = 1;
        min = 0x80;
        cp = b0 & 0x1f;
      } else if (b0 >= 0xe0 && b0 <= 0xef) {
        need = 2;
        min = 0x800;
        cp = b0 & 0x0f;
      } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        need = 3;
        min = 0x10000;
        cp = b0 & 0x07;
      } else {
        out.append((char) (0xDC00 | b0));
        i++;
        continue;
      }
      int j = 1;
      for (; j <= need && i + j < bytes.length; j++) {
        int b = bytes[i + j] & 0xff;
        if ((b & 0xc0) != 0x80) {
          break;
        }
        cp = (cp << 6) | (b & 0x3f);
      }
      if (j <= need
          || cp < min
          || cp > Character.MAX_CODE_POINT
          || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
        out.append((char) (0xDC00 | b0));
        i++;
        continue;
      }
      out.appendCodePoint(cp);
      i += need + 1;
    }
    return out.toString();
  }
}
