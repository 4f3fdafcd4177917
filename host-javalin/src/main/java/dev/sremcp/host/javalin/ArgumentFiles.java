package dev.sremcp.host.javalin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns files named on the command line into a tool's arguments, by the shape of its input schema:
 * several texts ({@code files}, read whole, for tools that take them, such as the reviews), one
 * ({@code content} and {@code name}, streamed from the file, of any size), or a JSON file of
 * arguments.
 */
final class ArgumentFiles {

  /** Files read whole larger than this are refused: the server's limits would refuse them too. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private ArgumentFiles() {}

  /**
   * A tool's arguments read from files.
   *
   * @param validated the arguments as JSON, for the schema check; a streamed text is there as an
   *     empty string
   * @param arguments the arguments to run the tool with, where a text is a {@link FileText}
   */
  record Read(ObjectNode validated, Map<String, Object> arguments) {}

  static Read read(ObjectNode inputSchema, List<Path> files) {
    JsonNode properties = inputSchema.path("properties");
    if (properties.has("content") && !properties.has("files")) {
      if (files.size() != 1) {
        throw new IllegalArgumentException(
            "this tool reads one file; " + files.size() + " were given");
      }
      Path file = files.getFirst();
      if (!FileText.isStandardInput(file) && !Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            file + (Files.exists(file) ? ": not a regular file" : ": no such file"));
      }
      ObjectNode validated = Json.object().put("content", "").put("name", file.toString());
      Map<String, Object> arguments = new LinkedHashMap<>(plain(validated));
      arguments.put("content", new FileText(file));
      return new Read(validated, arguments);
    }
    ObjectNode arguments = json(properties, files);
    return new Read(arguments, plain(arguments));
  }

  private static ObjectNode json(JsonNode properties, List<Path> files) {
    if (properties.has("files")) {
      ObjectNode arguments = Json.object();
      ArrayNode list = arguments.putArray("files");
      files.forEach(
          file -> list.addObject().put("name", file.toString()).put("content", text(file)));
      return arguments;
    }
    if (files.size() != 1) {
      throw new IllegalArgumentException(
          "this tool takes one JSON file of arguments; " + files.size() + " were given");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(text(files.getFirst()));
      if (node instanceof ObjectNode arguments) {
        return arguments;
      }
      throw new IllegalArgumentException(
          files.getFirst() + " must hold a JSON object of arguments");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          files.getFirst() + " is not valid JSON: " + e.getMessage());
    }
  }

  private static Map<String, Object> plain(ObjectNode arguments) {
    return Json.MAPPER.convertValue(arguments, new TypeReference<Map<String, Object>>() {});
  }

  private static String text(Path file) {
    try {
      byte[] bytes;
      if (file.toString().equals("-")) {
        try (InputStream in = System.in) {
          bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
      } else {
        if (Files.size(file) > MAX_FILE_BYTES) {
          throw new IllegalArgumentException(
              file + " is larger than the limit of " + MAX_FILE_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(file);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(
            "standard input is larger than the limit of " + MAX_FILE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }
}
