package dev.takebot.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Opens a UTF-8 file shipped with the analyser; a missing or unreadable one stops start-up. */
final class SentimentResource {
  /** Reads a resource's text into what the analyser uses. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(BufferedReader r) throws IOException;
  }

  private SentimentResource() {}

  static <T> T read(ClassLoader loader, String resource, Parser<T> parser) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "sentiment resource missing from the classpath: " + resource);
      }
      return parser.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment resource " + resource, e);
    }
  }
}
