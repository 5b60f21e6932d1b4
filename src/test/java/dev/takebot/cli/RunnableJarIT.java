package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar people run, run as they run it. The unit and end-to-end tests use the classes
 * directory; only here do we see what minimizing the jar dropped (ICU, ROME, JDBC drivers and
 * others load classes by name), which once made every summary answer "Something went wrong".
 */
@DisplayName("The runnable jar")
class RunnableJarIT {
  private static final List<String> FAILURE_ANSWERS =
      List.of("Something went wrong", "Un problème est survenu");

  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("takebot.jar", "target/takebot.jar"));
    assumeTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + ": run `./mvnw package`");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("`" + String.join(" ", args) + "` did not finish in 90 s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("plays the demo with every command answered, in English and for a French server")
  void demoAnswersEveryCommand(@TempDir Path dir) throws Exception {
    for (String locale : List.of("en", "fr")) {
      Run demo = run(dir, "demo", "--locale", locale, "--out", dir.resolve(locale).toString());

      assertThat(demo.exit())
          .as("exit of demo --locale %s; stderr:%n%s", locale, demo.err())
          .isZero();
      for (String failure : FAILURE_ANSWERS) {
        assertThat(demo.out())
            .as("demo --locale %s, stderr:%n%s", locale, demo.err())
            .doesNotContain(failure);
      }
      assertThat(dir.resolve(locale).resolve("transcript.html")).isNotEmptyFile();
      assertThat(dir.resolve(locale).resolve("summary-chart.png")).isNotEmptyFile();
    }
  }

  @Test
  @DisplayName("previews the sample (English) article for a French server: its words, our French")
  void previewsInFrench(@TempDir Path dir) throws Exception {
    Run preview = run(dir, "preview", "--locale", "fr", "config/articles/sahel-reset.txt");

    assertThat(preview.exit()).as("stderr:%n%s", preview.err()).isZero();
    assertThat(preview.out()).contains("📅 1 février 2026", "[Donner votre avis]");
  }
}
