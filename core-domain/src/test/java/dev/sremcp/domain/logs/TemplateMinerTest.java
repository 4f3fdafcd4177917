package dev.sremcp.domain.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateMinerTest {

  @Test
  void messagesThatDifferInAVariableShareOneTemplate() {
    TemplateMiner miner = new TemplateMiner();

    TemplateMiner.Template first = miner.add(Masker.tokens("Invalid user webmaster from 1.2.3.4"));
    TemplateMiner.Template second = miner.add(Masker.tokens("Invalid user admin from 5.6.7.8"));

    assertThat(second).isSameAs(first);
    assertThat(first.text()).isEqualTo("Invalid user <*> from <*>");
    assertThat(first.count()).isEqualTo(2);
  }

  @Test
  void messagesThatDifferInSeveralWordsStayApart() {
    TemplateMiner miner = new TemplateMiner();

    TemplateMiner.Template bye =
        miner.add(Masker.tokens("Received disconnect from 1.2.3.4: 11: Bye Bye [preauth]"));
    TemplateMiner.Template user =
        miner.add(Masker.tokens("Received disconnect from 1.2.3.4: 11: disconnected by user"));

    assertThat(user).isNotSameAs(bye);
    assertThat(bye.text()).isEqualTo("Received disconnect from <*>: <*>: Bye Bye [preauth]");
  }

  @Test
  void leadingWordsRouteMessagesApart() {
    TemplateMiner miner = new TemplateMiner();

    TemplateMiner.Template opened = miner.add(Masker.tokens("session opened for user root"));
    TemplateMiner.Template closed = miner.add(Masker.tokens("session closed for user root"));

    assertThat(closed).isNotSameAs(opened);
  }

  @Test
  void aMergedTokenKeepsWhatBothShareAroundDelimiters() {
    assertThat(TemplateMiner.merge("user=root", "user=admin")).isEqualTo("user=<*>");
    assertThat(TemplateMiner.merge("(uid=0)", "(uid=12)")).isEqualTo("(uid=<*>)");
    assertThat(TemplateMiner.merge("failures;", "failure;")).isEqualTo("<*>;");
    assertThat(TemplateMiner.merge("alpha", "beta")).isEqualTo("<*>");
  }

  @Test
  void aTemplateOfWildcardsTakesOnlyWildcards() {
    TemplateMiner miner = new TemplateMiner();
    TemplateMiner.Template numbers = miner.add(Masker.tokens("12345"));

    TemplateMiner.Template word = miner.add(Masker.tokens("setTodayTotalDetailSteps=12"));

    assertThat(word).isNotSameAs(numbers);
  }

  @Test
  void memoryIsBoundedByTheTemplateLimit() {
    TemplateMiner miner = new TemplateMiner(0.7, 3);
    for (int i = 0; i < 100; i++) {
      miner.add(java.util.List.of("word" + (char) ('a' + i % 26) + (char) ('a' + i / 26), "x"));
    }

    assertThat(miner.templates()).hasSize(3);
    assertThat(miner.overflowed()).isEqualTo(97);
  }
}
