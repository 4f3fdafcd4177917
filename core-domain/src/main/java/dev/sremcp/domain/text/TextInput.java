package dev.sremcp.domain.text;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Reading a text argument: what goes wrong while it streams becomes a clear argument error. */
public final class TextInput {

  private TextInput() {}

  /**
   * Runs {@code scan} over a text argument; binary data and read failures become an {@link
   * InvalidArgumentsException} that names {@code what} the tool expected.
   */
  public static <T> T scan(String what, Supplier<T> scan) {
    try {
      return scan.get();
    } catch (BinaryInputException e) {
      throw new InvalidArgumentsException(
          "content cannot be analyzed as " + what + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new InvalidArgumentsException("content could not be read: " + e.getMessage());
    }
  }
}
