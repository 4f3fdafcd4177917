package dev.sremcp.domain.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.251.73.220:50010|<*>:<*>",
        "/10.251.90.64:|<*>:",
        "blk_-6952295868487656571|<*>",
        "uid=0|uid=<*>",
        "(TID|(TID",
        "3).|<*>).",
        "core.2275|core.<*>",
        "0x0b85eee0|<*>",
        "0x5|<*>",
        "ssh2|ssh2",
        "eth0|eth0",
        "[ib_sm_sweep.c:1831]:|[ib_sm_sweep.c:<*>]:",
        "hdfs://10.10.34.11:9000/pjhe/logs|hdfs://<*>",
        "/var/www/html/|<*>",
        "onExtend:1514038530000|onExtend:<*>",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301|<*>",
        "-1|<*>",
        "12.5|<*>",
        "pam_unix(sshd:auth):|pam_unix(sshd:auth):",
      })
  void masksTheVariablePartsOfAToken(String token, String masked) {
    assertThat(Masker.tokens(token)).containsExactly(masked);
  }

  @Test
  void splitsOnAnyRunOfSpacesAndKeepsAQuantityWithItsUnit() {
    assertThat(Masker.tokens("  stored  (estimated size 5.2 KB, free 2 MB)\tdone "))
        .containsExactly("stored", "(estimated", "size", "<*>,", "free", "<*>)", "done");
  }

  @Test
  void keepsTimeUnitsAsWords() {
    assertThat(Masker.tokens("took 15 ms")).containsExactly("took", "<*>", "ms");
  }

  @Test
  void anEmptyMessageHasNoTokens() {
    assertThat(Masker.tokens("")).isEmpty();
    assertThat(Masker.tokens("   ")).isEmpty();
  }
}
