package dev.takebot.article;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example article: the project's copy in config/, and the original in ../shared when present.
 */
final class Seed {
  static final Path CONFIG_COPY = Path.of("config/articles/sahel-reset.txt");

  private Seed() {}

  static String configCopy() {
    return read(CONFIG_COPY);
  }

  /**
   * The original seed from ../shared; skips the test when the folder is not there (fresh clone).
   */
  static String shared() {
    String dir = System.getProperty("takebot.shared");
    Path seed = dir == null ? null : Path.of(dir, "seed", "000_efff0f980f46da0b.txt");
    assumeTrue(
        seed != null && Files.isRegularFile(seed),
        "../shared/seed is not here (fresh clone without shared data): skipping the shared-seed test");
    return read(seed);
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
