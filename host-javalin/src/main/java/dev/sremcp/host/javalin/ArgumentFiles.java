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
import java.util.List;
import java.util.Map;

/**
 * Turns files named on the command line into a tool's arguments, by the shape of its input schema:
 * one text ({@code content} and {@code name}), several ({@code files}), or a JSON file of
 * arguments.
 */
final class ArgumentFiles {

  /** Files larger than this are refused: the server's limits would refuse them too. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private ArgumentFiles() {}

  static ObjectNode read(ObjectNode inputSchema, List<Path> files) {
    JsonNode properties = inputSchema.path("properties");
    if (properties.has("content")) {
      if (files.size() != 1) {
        throw new IllegalArgumentException(
            "this tool reads one file; " + files.size() + " were given");
      }
      return Json.object()
          .put("content", text(files.getFirst()))
          .put("name", files.getFirst().toString());
    }
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

  static Map<String, Object> plain(ObjectNode arguments) {
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
