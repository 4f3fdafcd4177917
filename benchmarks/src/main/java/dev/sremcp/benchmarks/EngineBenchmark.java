package dev.sremcp.benchmarks;

import dev.sremcp.mcp.engine.CallScope;
import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.Envelope;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.Outbound;
import dev.sremcp.mcp.engine.Reply;
import dev.sremcp.mcp.jsonrpc.Incoming;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcCodec;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's parse-dispatch-serialize path for {@code tools/call slo_report} in the 2026-07-28
 * era, without HTTP, and a JSON parse-and-write of the same bytes as the floor it is measured
 * against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  private McpServer server;

  @Setup
  public void setUp() {
    server = Requests.server();
  }

  /** Bytes in, bytes out, through the whole engine: what every transport pays per call. */
  @Benchmark
  public byte[] toolsCallSloReport() {
    JsonRpcMessage.Request request =
        (JsonRpcMessage.Request)
            ((Incoming.Single) JsonRpcCodec.decode(Requests.SLO_CALL_BYTES)).message();
    CallScope scope =
        new CallScope(
            Envelope.read(request.params()).version(),
            Envelope.read(request.params()),
            null,
            Outbound.NONE,
            new Cancellation(),
            "bench");
    Reply reply = server.handle(request, scope);
    return Json.bytes(JsonRpcCodec.encode(reply.message()));
  }

  /** The floor: parse the same request as JSON and write it back. */
  @Benchmark
  public byte[] jsonEcho() throws IOException {
    return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(Requests.SLO_CALL_BYTES));
  }
}
