package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.MessagePattern;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.GatewayEvent;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar people run, run as they run it. The unit and end-to-end tests use the classes
 * directory; only here do we see what building the jar left out: classes nothing references
 * statically (ICU, ROME, JDBC drivers and others load classes by name), which once made every
 * summary answer "Something went wrong", and ICU data the shade filter trims. A missing ICU locale
 * file fails no call: ICU falls back to its root data and French turns into {@code 50%} and {@code
 * +0.21}, a missing plural table into "Vos 1 avis". So these tests check the formatting itself, in
 * English and French, on every path that uses ICU: the summary (percentages, plurals, theme
 * counts), a member's takes (signed decimals), the post's date, and the bot serving Discord.
 */
@DisplayName("The runnable jar")
class RunnableJarIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> FAILURE_ANSWERS =
      List.of("Something went wrong", "Un problème est survenu");

  /** What a class or a resource missing from the jar looks like in a log. */
  private static final Pattern MISSING_FROM_JAR =
      Pattern.compile(
          "MissingResourceException|ClassNotFoundException|NoClassDefFoundError"
              + "|ExceptionInInitializerError|could not locate data");

  private static final String ICU_DATA = "com/ibm/icu/impl/data/icudata/";

  private record Run(int exit, String out, String err) {}

  private static Path jar() {
    Path jar = Path.of(System.getProperty("takebot.jar", "target/takebot.jar"));
    assumeTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + ": run `./mvnw package`");
    return jar;
  }

  private static List<String> javaJar(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static Run run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = javaJar(args);
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

  private static Run demo(Path dir, String locale) throws Exception {
    Run demo = run(dir, "demo", "--locale", locale, "--out", dir.resolve(locale).toString());
    assertThat(demo.exit())
        .as("exit of demo --locale %s; stdout:%n%s%nstderr:%n%s", locale, demo.out(), demo.err())
        .isZero();
    for (String failure : FAILURE_ANSWERS) {
      assertThat(demo.out())
          .as("demo --locale %s, stderr:%n%s", locale, demo.err())
          .doesNotContain(failure);
    }
    assertThat(demo.out() + demo.err())
        .as("demo --locale %s: nothing missing from the jar", locale)
        .doesNotContainPattern(MISSING_FROM_JAR);
    assertThat(dir.resolve(locale).resolve("transcript.html")).isNotEmptyFile();
    assertThat(dir.resolve(locale).resolve("summary-chart.png")).isNotEmptyFile();
    return demo;
  }

  @Test
  @DisplayName(
      "plays the demo in English: every command answered, percentages and plurals the English way")
  void demoInEnglish(@TempDir Path dir) throws Exception {
    Run demo = demo(dir, "en");

    // the summary: plural counts, percentages, a theme's counts in the singular
    assertThat(demo.out())
        .contains("**6 takes** from **6 members**")
        .containsPattern("positive \\*\\*\\d+%\\*\\*")
        .contains("(1 negative, 1 mixed)");
  }

  @Test
  @DisplayName(
      "plays the demo for a French server: every command answered, percentages, decimals and"
          + " plurals the French way")
  void demoInFrench(@TempDir Path dir) throws Exception {
    Run demo = demo(dir, "fr");

    assertThat(demo.out())
        // ICU's French data: a no-break space before %, a decimal comma (Bastien's /takes mine)
        .containsPattern("positif \\*\\*\\d+\u00a0%\\*\\*")
        .containsPattern("\\*\\*partagé\\*\\* \\([+-]\\d,\\d\\d\\)")
        // ICU's plural rules: French counts 1 in the singular
        .contains("**6 avis** de **6 membres**")
        .contains("(1 négatif, 1 partagé)")
        .contains("Votre seul avis ici.");
  }

  @Test
  @DisplayName("previews the sample (English) article for a French server: its words, our French")
  void previewsInFrench(@TempDir Path dir) throws Exception {
    Run preview = run(dir, "preview", "--locale", "fr", "config/articles/sahel-reset.txt");

    assertThat(preview.exit()).as("stderr:%n%s", preview.err()).isZero();
    assertThat(preview.out()).contains("📅 1 février 2026", "[Donner votre avis]");
  }

  @Test
  @DisplayName(
      "tags a file one-off with our code kept off C2, through the provider the manifest exports"
          + " (not the ~90 ms platform MBean server)")
  void oneOffSentimentStaysOnC1(@TempDir Path dir) throws Exception {
    StringBuilder tsv = new StringBuilder("id\ttext\n");
    String[] texts = {
      "great plan, love it 👍", "what a joke, total failure", "anyone on tonight?",
      "sure, *great* plan lol", "Bravo, encore une belle promesse", "this is fine I guess"
    };
    for (int i = 0; i < 30_000; i++) {
      tsv.append(i)
          .append('\t')
          .append(texts[i % texts.length])
          .append(" #")
          .append(i)
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("texts.tsv"), tsv);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-XX:+PrintCompilation",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DisplayVMOutputToStderr", // the TSV alone on stdout
                "-Xlog:class+load=info:stderr",
                "-jar",
                jar().toString(),
                "sentiment",
                file.toString())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("finished").isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as("stderr:%n%s", err).isZero();
    assertThat(out.lines().filter(l -> l.matches("\\d+\t(positive|negative|neutral|mixed)\t.*")))
        .hasSize(30_000);
    assertThat(err)
        .as("HotSpot reports our methods excluded from C2 by the directive")
        .containsPattern("not compilable on level 4 +dev\\.takebot\\..*excluded by CompileCommand");
    assertThat(err)
        .as("and the JDK's own methods, on an input this small")
        .containsPattern("not compilable on level 4 +java\\..*excluded by CompileCommand");
    assertThat(err)
        .as("the command goes to the JDK's native entry, opened by the manifest")
        .contains("com.sun.management.internal.DiagnosticCommandImpl")
        .doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer ")
        .doesNotContain("javax.management.MBeanOperationInfo ");
  }

  @Test
  @DisplayName(
      "keeps ICU's number and currency data for every language with a translation, so adding one"
          + " needs no change to the build")
  void keepsTheFormattingDataOfEveryTranslatedLanguage() throws Exception {
    // Without its own file ICU quietly formats a language with root data (9,400 and 34% in
    // French); without curr/<code>.res every number it formats fails.
    try (ZipFile zip = new ZipFile(jar().toFile())) {
      List<String> languages =
          Collections.list(zip.entries()).stream()
              .map(ZipEntry::getName)
              .map(Pattern.compile("i18n/messages_([a-z]{2,3})\\.properties")::matcher)
              .filter(Matcher::matches)
              .map(m -> m.group(1))
              .toList();
      assertThat(languages).contains("fr");
      for (String code : languages) {
        for (String data : List.of(code + ".res", "curr/" + code + ".res")) {
          assertThat(zip.getEntry(ICU_DATA + data))
              .as("ICU data %s for i18n/messages_%s.properties", data, code)
              .isNotNull();
        }
      }
    }
  }

  @Test
  @DisplayName(
      "its messages use only the ICU formats whose data the jar keeps: numbers, plurals and"
          + " selects")
  void messagesUseOnlyTheFormatsWhoseDataIsKept() throws Exception {
    // The shade filter drops ICU's spell-out rules and the names of zones and units, so {n,
    // spellout},
    // {n, ordinal}, {n, duration}, {t, time, full} and {n, number, ::measure-unit/…} fail at run
    // time (MissingResourceException); dates are the JDK's (Texts.date), never a message's.
    List<String> unsupported = new ArrayList<>();
    int messages = 0;
    try (ZipFile zip = new ZipFile(jar().toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.getName().matches("i18n/messages.*\\.properties")) {
          continue;
        }
        Properties bundle = new Properties();
        try (Reader in = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
          bundle.load(in);
        }
        for (String key : bundle.stringPropertyNames()) {
          messages++;
          MessagePattern pattern = new MessagePattern(bundle.getProperty(key));
          for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                && part.getArgType() == MessagePattern.ArgType.SIMPLE) {
              String type = pattern.getSubstring(pattern.getPart(i + 2));
              MessagePattern.Part next = pattern.getPart(i + 3);
              String style =
                  next.getType() == MessagePattern.Part.Type.ARG_STYLE
                      ? pattern.getSubstring(next).strip()
                      : "";
              // measure-unit/…, unit/…: unit names are left out (currencies are kept)
              if (!type.equals("number") || style.contains("unit/")) {
                unsupported.add(entry.getName() + " " + key + ": " + type + " " + style);
              }
            }
          }
        }
      }
    }
    assertThat(messages).as("messages found in the jar").isPositive();
    assertThat(unsupported)
        .as("arguments needing ICU data that pom.xml's shade filter leaves out (keep it there)")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "runs the bot: connects with the token from DISCORD_TOKEN, registers its commands, answers in"
          + " French and English, and exits 0 on SIGTERM after closing the gateway")
  void runsTheBotAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("takes.db");
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      // a French server, with an English-speaking member
      sandbox.setPreferredLocale("fr");
      Member member = sandbox.member();
      sandbox.setUserLocale(member, "en-US");
      // the token comes from the environment, as in production; never from a file
      Process bot =
          BotProcesses.start(
              javaJar(),
              dir,
              sandbox,
              BotProcesses.configWithArticles(sandbox, db),
              "--metrics-port",
              "0");
      try {
        await(
            "the bot to connect and register its commands",
            dir,
            bot,
            () -> sandbox.isBotConnected() && !sandbox.guildCommands().isEmpty());
        List<JsonNode> commands = sandbox.guildCommands();
        assertThat(commands).extracting(c -> c.path("name").asText()).contains("takes", "article");
        assertThat(commands)
            .as("command descriptions translated (i18n/commands_fr.properties in the jar)")
            .anySatisfy(c -> assertThat(c.path("description_localizations").has("fr")).isTrue());

        // the bot at work: an article posted, a take stored, a public summary and a private list
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                Map.of("name", "sahel-reset", "now", true))
            .awaitResponse(WAIT);
        Channel thread = sandbox.awaitThread(t -> t.parentId() != null, WAIT);
        String takeId = sandbox.post(member, thread, "A sensible step, finally. Good news.").id();
        await("the take to be stored", dir, bot, () -> BotProcesses.stored(db, takeId));
        SandboxMessage summary =
            sandbox
                .slash(member, thread, "takes summary", Map.of("private", false))
                .awaitResponse(WAIT);
        SandboxMessage mine = sandbox.slash(member, thread, "takes mine").awaitResponse(WAIT);
        // in the server's language (French) and in the member's (English)
        assertThat(summary.visibleText())
            .contains("**1 avis** de **1 membre**")
            .containsPattern("\\*\\*\\d+\u00a0%\\*\\*");
        assertThat(mine.visibleText())
            .containsPattern("\\([+-]\\d\\.\\d\\d\\)")
            .contains("Your only take here.");
        int eventsBefore = sandbox.gatewayEvents().size();

        // when it is sent SIGTERM (Process.destroy on Linux), as docker stop and systemctl do
        bot.destroy();

        // then it closes the gateway normally and exits 0, the README's clean stop
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited in time").isTrue();
        assertThat(bot.exitValue()).as("exit status; log:%n%s", log(dir)).isZero();
        GatewayEvent close = sandbox.awaitGatewayEvent("CLOSE", eventsBefore, WAIT);
        assertThat(close.detail()).startsWith("1000");
        assertThat(log(dir))
            .contains("Stopped cleanly")
            .doesNotContain(sandbox.token())
            .doesNotContainPattern(MISSING_FROM_JAR);
      } finally {
        bot.destroyForcibly();
        bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  private static String log(Path dir) throws IOException {
    return Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
  }

  /** Waits for {@code condition}, failing at once, with the bot's log, if the bot exits first. */
  private static void await(String what, Path dir, Process bot, BooleanSupplier condition)
      throws IOException {
    try {
      Awaitility.await(what)
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(50))
          .failFast("the bot exited", () -> !bot.isAlive())
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(e.getMessage() + ":\n" + log(dir), e);
    }
  }
}
