package dev.sremcp.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.ports.out.LanguageModel;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import dev.sremcp.testkit.ports.LanguageModelContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Ollama pool over fake Ollama servers speaking the documented API. */
class OllamaLanguageModelTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  private <T extends AutoCloseable> T closing(T resource) {
    open.add(resource);
    return resource;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : open.reversed()) {
      resource.close();
    }
  }

  private FakeOllamaServer server() throws Exception {
    return closing(FakeOllamaServer.start(LanguageModelContract.MODEL_NAME));
  }

  private static LanguageModel.Request request() {
    return request(() -> false);
  }

  private static LanguageModel.Request request(BooleanSupplier cancelled) {
    return new LanguageModel.Request(
        LanguageModelContract.MODEL_NAME,
        "system",
        "evidence",
        "{\"type\":\"object\"}",
        128,
        cancelled);
  }

  private static String text(LanguageModel.Generation generation) {
    assertThat(generation).isInstanceOf(LanguageModel.Generation.Reply.class);
    return ((LanguageModel.Generation.Reply) generation).text();
  }

  @Nested
  class Contract extends LanguageModelContract {
    @Override
    protected LanguageModel replying(String text) {
      try {
        return closing(Pools.over(server().replyWith(Reply.content(text))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected LanguageModel slow(String text, Duration delay) {
      try {
        return closing(Pools.over(server().replyWith(Reply.content(text).firstTokenAfter(delay))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected LanguageModel unreachable() {
      return closing(new OllamaLanguageModel(Pools.settings(List.of(Pools.nothingListening()), 4)));
    }
  }

  @Test
  void sendsTheDocumentedChatRequestWithTheSchemaAsFormat() throws Exception {
    FakeOllamaServer server = server().replyWith(Reply.content("{\"summary\":\"ok\"}"));
    OllamaLanguageModel model = closing(Pools.over(server));

    assertThat(text(model.generate(request(), LanguageModel.TokenListener.NONE)))
        .isEqualTo("{\"summary\":\"ok\"}");
    FakeOllamaServer.Request sent =
        server.requests().stream().filter(r -> r.path().equals("/api/chat")).findFirst().get();
    assertThat(sent.json().get("model").asText()).isEqualTo(LanguageModelContract.MODEL_NAME);
    assertThat(sent.json().get("format").get("type").asText()).isEqualTo("object");
    assertThat(sent.json().get("messages").get(0).get("role").asText()).isEqualTo("system");
    assertThat(sent.json().get("options").get("num_predict").asInt()).isEqualTo(128);
  }

  @Test
  void aServerErrorIsRetriedOnceOnAnotherServer() throws Exception {
    FakeOllamaServer failing = server().replyWith(Reply.status(500, "{\"error\":\"CUDA error\"}"));
    FakeOllamaServer healthy = server().replyWith(Reply.content("{\"summary\":\"ok\"}"));
    OllamaLanguageModel model = closing(Pools.over(failing, healthy));

    for (int i = 0; i < 4; i++) {
      assertThat(text(model.generate(request(), LanguageModel.TokenListener.NONE)))
          .isEqualTo("{\"summary\":\"ok\"}");
    }
    assertThat(healthy.generations()).isEqualTo(4);
  }

  @Test
  void aSlowFirstTokenGoesToTheOtherServer() throws Exception {
    FakeOllamaServer stalled = server().replyWith(Reply.hang());
    FakeOllamaServer healthy = server().replyWith(Reply.content("{\"summary\":\"ok\"}"));
    OllamaLanguageModel model = closing(Pools.over(stalled, healthy));

    for (int i = 0; i < 3; i++) {
      assertThat(text(model.generate(request(), LanguageModel.TokenListener.NONE)))
          .isEqualTo("{\"summary\":\"ok\"}");
    }
    assertThat(healthy.generations()).isEqualTo(3);
  }

  @Test
  void aMalformedStreamAndADroppedConnectionAreRetried() throws Exception {
    FakeOllamaServer broken =
        server().enqueue(Reply.malformed(), Reply.content("{\"summary\":\"late\"}").dropAfter(2));
    FakeOllamaServer healthy = server().replyWith(Reply.content("{\"summary\":\"ok\"}"));
    OllamaLanguageModel model = closing(Pools.over(broken, healthy));

    for (int i = 0; i < 4; i++) {
      assertThat(text(model.generate(request(), LanguageModel.TokenListener.NONE)))
          .isEqualTo("{\"summary\":\"ok\"}");
    }
  }

  @Test
  void callsGoToTheLeastBusyServerWithinEachServersCap() throws Exception {
    Reply slow = Reply.content("{\"summary\":\"ok\"}").firstTokenAfter(Duration.ofMillis(400));
    FakeOllamaServer one = server().replyWith(slow);
    FakeOllamaServer two = server().replyWith(slow);
    OllamaLanguageModel model =
        closing(new OllamaLanguageModel(Pools.settings(List.of(one.uri(), two.uri()), 2)));

    List<Future<LanguageModel.Generation>> calls = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> model.generate(request(), LanguageModel.TokenListener.NONE)));
      }
      for (Future<LanguageModel.Generation> call : calls) {
        assertThat(text(call.get())).isEqualTo("{\"summary\":\"ok\"}");
      }
    }
    assertThat(one.maxInFlight()).isEqualTo(2);
    assertThat(two.maxInFlight()).isEqualTo(2);
    assertThat(one.generations() + two.generations()).isEqualTo(6);
  }

  @Test
  void oneOfTwoServersKilledMidRunLosesNoCall() throws Exception {
    Reply streaming =
        Reply.content("{\"summary\":\"a reply of several tokens\"}").between(Duration.ofMillis(30));
    FakeOllamaServer doomed = server().replyWith(streaming);
    FakeOllamaServer survivor = server().replyWith(streaming);
    OllamaLanguageModel model = closing(Pools.over(doomed, survivor));

    List<Future<LanguageModel.Generation>> calls = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        calls.add(pool.submit(() -> model.generate(request(), LanguageModel.TokenListener.NONE)));
        if (i == 5) {
          Thread.sleep(100);
          doomed.kill();
        }
      }
      for (Future<LanguageModel.Generation> call : calls) {
        assertThat(text(call.get())).isEqualTo("{\"summary\":\"a reply of several tokens\"}");
      }
    }
    assertThat(doomed.generations()).isPositive();
  }

  @Test
  void withEveryServerDownTheAnswerIsUnavailableAtOnce() throws Exception {
    FakeOllamaServer one = server();
    FakeOllamaServer two = server();
    OllamaLanguageModel model = closing(Pools.over(one, two));
    one.kill();
    two.kill();

    long started = System.nanoTime();
    LanguageModel.Generation generation =
        model.generate(request(), LanguageModel.TokenListener.NONE);
    assertThat(generation).isInstanceOf(LanguageModel.Generation.Unavailable.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Pools.settings(List.of(one.uri()), 1).totalTimeout());
    Thread.sleep(400); // a health check has run
    assertThat(model.health().available()).isFalse();
  }

  @Test
  void aMissingModelIsNamedWithHowToPullIt() throws Exception {
    OllamaLanguageModel model = closing(Pools.over(closing(FakeOllamaServer.start("qwen2.5:7b"))));

    LanguageModel.Generation generation =
        model.generate(request(), LanguageModel.TokenListener.NONE);
    assertThat(generation)
        .isInstanceOfSatisfying(
            LanguageModel.Generation.Unavailable.class,
            u ->
                assertThat(u.reason()).contains("ollama pull " + LanguageModelContract.MODEL_NAME));
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresAndKeepsCallsAway() throws Exception {
    FakeOllamaServer failing =
        server().replyWith(Reply.status(500, "{\"error\":\"out of memory\"}"));
    OllamaLanguageModel model = closing(Pools.over(failing));

    for (int i = 0; i < 6; i++) {
      assertThat(model.generate(request(), LanguageModel.TokenListener.NONE))
          .isInstanceOf(LanguageModel.Generation.Unavailable.class);
    }
    assertThat(failing.generations()).isEqualTo(3);
    assertThat(model.health().available()).isFalse();
  }
}
