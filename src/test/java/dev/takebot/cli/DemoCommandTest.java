package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takebot.sandbox.DiscordSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("takebot demo")
class DemoCommandTest {

  @Test
  @DisplayName(
      "plays the whole loop offline (a feed on loopback included), prints what members see, exits 0"
          + " and leaves no thread behind")
  void runsTheLoop() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(out));

    int rc = cli.execute();

    String transcript = out.toString();
    assertThat(rc).isZero();
    assertThat(transcript)
        .contains("#news", "[ Share your take ]", "🧵 thread:", "youtu")
        .contains("Chloé ↪ replying to TakeBot")
        .contains("Emeka  (edited)")
        .contains("💬 Take from **Fatou**")
        .contains("Chloé used /takes summary")
        .contains("**6 takes** from **6 members**")
        .doesNotContain("mid take from the State Department") // Fatou deleted it
        .contains("Bastien used /takes mine")
        .contains("Vos avis"); // his client is French, so is his private answer
    String summary =
        transcript.substring(
            transcript.indexOf("Chloé used /takes summary"), transcript.indexOf("Stored takes"));
    assertThat(summary).contains("WAKE UP").doesNotContain("@everyone"); // quoted, but defused
    assertThat(transcript).contains("mod used /feed add url:http://127.0.0.1:");
    String feed = transcript.substring(transcript.indexOf("mod used /feed add"));
    assertThat(feed)
        .as("a moderator follows the loopback feed and its newest item arrives with its thread")
        .containsPattern("mod used /feed add url:http://127\\.0\\.0\\.1:\\d+/sahel-wire\\.xml")
        .contains(
            "Following **Sahel Wire** in <#", "Its newest item: https://discord.com/channels/")
        .contains("┃ **Niger reopens its border with Benin after two years**", "#Niger #Trade")
        .contains("🧵 thread: Your take 👇 · Niger reopens its border with Benin")
        .contains("🧵 Your take 👇 · Niger reopens its border with Benin after two years ──")
        .contains("Good news for the traders stuck in Malanville, at last.")
        .doesNotContain("Mali and Burkina Faso sign an energy deal"); // only the newest item
    // A stopped pool's threads may take a moment to exit (Jetty's scheduler does not wait for its
    // thread); one that never does fails the wait. Polled on this thread, so the poller is not a
    // new thread itself.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInSameThread()
        .untilAsserted(
            () -> {
              Set<String> leftovers =
                  Thread.getAllStackTraces().keySet().stream()
                      .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                      .map(Thread::getName)
                      .collect(Collectors.toSet());
              assertThat(leftovers).as("non-daemon threads left running").isEmpty();
            });
  }

  @Test
  @DisplayName(
      "--locale fr plays it on a French server: the post and the public summary are French")
  void frenchServer() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(out));

    int rc = cli.execute("--locale", "fr");

    String transcript = out.toString();
    assertThat(rc).isZero();
    assertThat(transcript)
        .contains("[ Donner votre avis ]", "**6 avis** de **6 membres**", "Ton\u00a0: **")
        .doesNotContain("[ Share your take ]", "**6 takes**", "Tone: ");
  }

  @Test
  @DisplayName("--out naming a file, not a folder, is refused at once with exit 2")
  void outMustBeAFolder(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int rc = cli.execute("demo", "--out", file.toString());

    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --out must be a folder");
  }

  @Test
  @DisplayName(
      "--out where no folder can be made (under a file, a dangling link) is refused at once with"
          + " exit 2, before the demo runs")
  void outMustBeUsable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    Path dangling = Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nowhere"));
    for (Path out : new Path[] {file.resolve("inside"), dangling}) {
      StringWriter err = new StringWriter();
      StringWriter stdout = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(stdout));

      int rc = cli.execute("demo", "--out", out.toString());

      assertThat(rc).as("exit code for %s", out).isEqualTo(2);
      assertThat(err.toString())
          .startsWith("error: --out: cannot write to " + out)
          .doesNotContain("Exception");
      assertThat(stdout.toString()).doesNotContain("Sandbox up");
    }
  }

  @Test
  @DisplayName(
      "a demo whose commands answered \"something went wrong\" (in any language) has failed")
  void failedAnswersAreCounted() throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      sandbox.post(sandbox.member(), sandbox.news(), "Something went wrong? Not here.");
      assertThat(DemoCommand.failedAnswers(sandbox)).isZero();

      sandbox.post(
          sandbox.member(),
          sandbox.news(),
          "Something went wrong while handling this. It has been logged (reference 1).");
      sandbox.post(
          sandbox.member(),
          sandbox.news(),
          "Un problème est survenu. Il a été consigné (référence 2).");

      assertThat(DemoCommand.failedAnswers(sandbox)).isEqualTo(2);
    }
  }
}
