package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A build or a deployment with a spoilt analyser file, as the user of the command line sees it. */
@DisplayName("sentiment with a corrupt analyser resource")
class SentimentResourceFailureTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sentiment FILE",
        "sentiment --eval FILE",
        "sentiment --bench FILE --warm-up-ms 1"
      })
  void saysInOneLineWhichFileIsCorruptWithoutAStackTrace(String args) throws Exception {
    Path overlay = Files.createDirectories(dir.resolve("overlay/sentiment"));
    Files.writeString(
        overlay.resolve("sarcasm-model.tsv"), "<bias>\t-1\nlol\tlots\n", StandardCharsets.UTF_8);
    Path in =
        Files.writeString(
            dir.resolve("in.tsv"),
            "id\ttext\tgold_label\n1\tgreat plan\tpositive\n",
            StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        dir.resolve("overlay") + File.pathSeparator + System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    for (String arg : args.split(" ")) {
      command.add(arg.equals("FILE") ? in.toString() : arg);
    }
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).isNotZero();
    assertThat(err)
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .contains("sentiment/sarcasm-model.tsv")
        .contains("not a number: lots");
    assertThat(Files.readString(dir.resolve("out"))).isEmpty();
  }
}
