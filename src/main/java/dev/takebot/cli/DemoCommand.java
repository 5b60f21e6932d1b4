package dev.takebot.cli;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.FetchSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.discord.TakeBotAssembly;
import dev.takebot.i18n.Languages;
import dev.takebot.i18n.Texts;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot demo}: the whole loop in one process, offline. Starts the local Discord sandbox
 * and the real bot against it, posts the sample article as a moderator, lets simulated members
 * reply (one edits, one deletes, one writes in French, one tries to ping everyone, one uses "Share
 * your take"), asks for {@code /takes summary} as a member, follows a news feed (served on loopback
 * by {@link DemoFeedServer}) whose newest item arrives with its thread, and prints what a Discord
 * user would see.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole loop against a local Discord sandbox (no token, no network) and print the transcript.")
public final class DemoCommand implements Callable<Integer> {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ARTICLE = "sahel-reset.txt";

  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      description = "SQLite file to keep the takes in (default: a temporary folder).")
  Path db;

  @Option(
      names = "--articles",
      defaultValue = "config/articles",
      description =
          "Folder holding "
              + ARTICLE
              + " (default: ${DEFAULT-VALUE}; the bundled copy when missing).")
  Path articles;

  @Option(names = "--verbose", description = "Show the bot's and the sandbox's logs.")
  boolean verbose;

  @Option(
      names = "--locale",
      paramLabel = "LANG",
      defaultValue = "en",
      description =
          "The server's Discord language (en, fr…; default: ${DEFAULT-VALUE}): the language of its"
              + " public posts. Bastien's client is French either way, so his own answer is French.")
  String locale;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Also write what members see into DIR: every file the bot sent (the chart) and "
              + TranscriptPage.PAGE
              + ", a page that shows the transcript as Discord does.")
  Path outDir;

  private final Map<String, String> invokers = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    // The transcript is the output; logs would bury it. Verbose still leaves out DEBUG chatter.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(verbose ? Level.INFO : Level.WARN);
    PrintWriter out = spec.commandLine().getOut();
    if (!Languages.isSupported(Locale.forLanguageTag(locale.strip()).getLanguage())) {
      throw new IllegalArgumentException(
          "--locale must be one of " + String.join(", ", Languages.codes()) + ", got " + locale);
    }
    if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new IllegalArgumentException("--out must be a folder; " + outDir + " is a file");
    }
    if (outDir != null) {
      checkWritable(outDir);
    }
    long started = System.nanoTime();
    Path tmp = Files.createTempDirectory("takebot-demo");
    try (DiscordSandbox sandbox = DiscordSandbox.start();
        DemoFeedServer site = DemoFeedServer.start()) {
      if (!Languages.of(locale).equals(Languages.DEFAULT)) {
        sandbox.setPreferredLocale(locale.strip()); // Discord's own default is en-US
      }
      TakeBotConfig config =
          new TakeBotConfig(
                  new DiscordSettings(
                      sandbox.restUrl(),
                      sandbox.gatewayUrl(),
                      Long.parseLong(sandbox.guildId()),
                      List.of("Moderator"),
                      "news"),
                  new ArticleSettings(articleFolder(tmp), null),
                  StorageSettings.of(
                      "jdbc:sqlite:" + (db != null ? db : tmp.resolve("takebot.db"))),
                  new TakesSettings(0, 0))
              // the demo's only news site is DemoFeedServer, on loopback
              .withFetch(FetchSettings.defaults().withAllowPrivateAddresses(true));
      try (TakeBotAssembly runtime = TakeBotAssembly.start(config, sandbox.token(), Map.of())) {
        play(sandbox, runtime.store(), site.url(), out);
        printTranscript(sandbox, runtime.store(), out);
        if (outDir != null) {
          TranscriptPage.Written w = new TranscriptPage(sandbox, invokers).write(outDir);
          out.println();
          List<String> names = new ArrayList<>();
          w.files().forEach(f -> names.add(f.getFileName().toString()));
          names.add(w.page().getFileName().toString());
          out.println("Wrote " + String.join(", ", names) + " to " + outDir);
        }
        long failed = failedAnswers(sandbox);
        if (failed > 0) {
          // The transcript is printed first, so the failure can be seen in context.
          throw new IllegalStateException(
              failed + " command(s) answered that something went wrong; run with --verbose");
        }
      }
    } finally {
      deleteQuietly(tmp);
    }
    out.printf(Locale.ROOT, "%nDemo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    out.flush();
    return 0;
  }

  /**
   * Makes sure files can be written into {@code dir} before the demo runs, rather than failing
   * after it with a bare path: a probe file is created there and removed.
   */
  private static void checkWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".takebot-probe", ".tmp"));
    } catch (IOException | UnsupportedOperationException e) {
      // The JDK names the cause in the exception's type more often than in its reason.
      String why =
          e instanceof FileSystemException f && f.getReason() != null
              ? f.getReason()
              : e instanceof FileAlreadyExistsException
                  ? "a file or broken link is in the way"
                  : e instanceof AccessDeniedException
                      ? "permission denied"
                      : e instanceof NoSuchFileException ? "cannot be created there" : e.toString();
      throw new IllegalArgumentException("--out: cannot write to " + dir + " (" + why + ")");
    }
  }

  private void play(DiscordSandbox sandbox, TakeRepository store, String feedUrl, PrintWriter out) {
    out.println("Sandbox up, bot connected. Playing the scenario…");
    InteractionHandle post =
        slash(
            sandbox,
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            // now: straight to the post, as the scenario is about the takes that follow
            Map.of("name", "sahel-reset", "now", true));
    post.awaitResponse(WAIT);
    Channel thread = sandbox.awaitThread(t -> true, WAIT);
    SandboxMessage article =
        sandbox.message(thread.id()).orElseThrow(); // threads carry their post's id

    Member amina = sandbox.addMember("Amina");
    Member bastien = sandbox.addMember("Bastien");
    Member chloe = sandbox.addMember("Chloé");
    Member dmitri = sandbox.addMember("Dmitri");
    Member emeka = sandbox.addMember("Emeka");
    Member fatou = sandbox.addMember("Fatou");
    sandbox.setUserLocale(bastien, "fr"); // his Discord client is in French

    List<SandboxMessage> sent = new ArrayList<>();
    sent.add(
        sandbox.post(
            amina,
            thread,
            "Finally a pragmatic move. Talking to Ouagadougou, Bamako and Niamey beats isolating them 👍"));
    sent.add(
        sandbox.post(
            bastien,
            thread,
            "Honnêtement c'est une bonne nouvelle, mais Washington arrive bien tard face à la Russie."));
    sent.add(
        sandbox.reply(
            chloe,
            article,
            "This is about minerals and competing with Russia, not about democracy. Cynical."));
    sent.add(
        sandbox.post(
            dmitri,
            thread,
            "@everyone WAKE UP, this is a disaster and a betrayal of the people!!!"));
    SandboxMessage emekaTake =
        sandbox.post(emeka, thread, "Cautiously optimistic if it respects sovereignty.");
    SandboxMessage fatouTake =
        sandbox.post(fatou, thread, "mid take from the State Department tbh");
    sent.add(emekaTake);
    sent.add(fatouTake);
    for (SandboxMessage m : sent) {
      await(() -> store.findTake(Long.parseLong(m.id())).isPresent());
    }

    sandbox.edit(
        emekaTake,
        "Cautiously optimistic: security cooperation could really help if it respects sovereignty. Good move.");
    await(
        () ->
            store
                .findTake(Long.parseLong(emekaTake.id()))
                .map(t -> t.editedAt() != null)
                .orElse(false));
    sandbox.delete(fatouTake);
    await(() -> store.findTake(Long.parseLong(fatouTake.id())).isEmpty());

    InteractionHandle press = sandbox.pressButton(fatou, article, "takebot-share");
    press.awaitModal(WAIT);
    InteractionHandle submit =
        sandbox.submitModal(
            fatou,
            press,
            Map.of(
                "take",
                "On reflection: trade and investment would do more for the Sahel than any military deal. A good start."));
    invokers.put(
        submit.id(),
        fatou.name()
            + " pressed [ "
            + dev.takebot.i18n.Texts.forTag(locale).get("post.shareButton")
            + " ] and sent the form");
    submit.awaitResponse(WAIT);

    slash(sandbox, chloe, thread, "takes summary", Map.of()).awaitResponse(WAIT);
    // A French-speaking member: the answer only he sees is in his client's language.
    slash(sandbox, bastien, thread, "takes mine", Map.of()).awaitResponse(WAIT);

    followFeed(sandbox, store, feedUrl, thread, amina);
  }

  /** A moderator follows a news feed: its newest item arrives as a post, and a member answers. */
  private void followFeed(
      DiscordSandbox sandbox, TakeRepository store, String feedUrl, Channel first, Member amina) {
    slash(sandbox, sandbox.moderator(), sandbox.news(), "feed add", Map.of("url", feedUrl))
        .awaitResponse(WAIT);
    Channel thread = sandbox.awaitThread(t -> !t.id().equals(first.id()), WAIT);
    SandboxMessage take =
        sandbox.post(amina, thread, "Good news for the traders stuck in Malanville, at last.");
    await(() -> store.findTake(Long.parseLong(take.id())).isPresent());
  }

  private InteractionHandle slash(
      DiscordSandbox sandbox, Member who, Channel where, String command, Map<String, ?> options) {
    InteractionHandle h = sandbox.slash(who, where, command, options);
    invokers.put(
        h.id(),
        who.name()
            + " used /"
            + command
            + (options.isEmpty()
                ? ""
                : " "
                    + options.keySet().iterator().next()
                    + ":"
                    + options.values().iterator().next()));
    return h;
  }

  /**
   * How many of the bot's answers are its "something went wrong" reply, in any language: a demo
   * whose commands fail has not shown the loop working, whatever else it printed.
   */
  static long failedAnswers(DiscordSandbox sandbox) {
    String marker = "\u0000";
    List<String> openings =
        Languages.supported().stream()
            .map(l -> Texts.forLocale(l).get("error.unexpected", "reference", marker))
            .map(text -> text.substring(0, text.indexOf(marker)))
            .toList();
    List<Channel> channels = new ArrayList<>(List.of(sandbox.news()));
    channels.addAll(sandbox.threads());
    return channels.stream()
        .flatMap(c -> sandbox.messages(c).stream())
        .map(SandboxMessage::content)
        .filter(content -> content != null && openings.stream().anyMatch(content::startsWith))
        .count();
  }

  private void printTranscript(DiscordSandbox sandbox, TakeRepository store, PrintWriter out) {
    Map<String, String> names = new HashMap<>();
    sandbox.members().forEach(m -> names.put(m.id(), m.name() + (m.bot() ? " [BOT]" : "")));
    out.println();
    out.println("=".repeat(78));
    out.println("What members of the server see");
    out.println("=".repeat(78));
    printChannel(sandbox, sandbox.news(), "#" + sandbox.news().name(), names, out);
    for (Channel t : sandbox.threads()) {
      printChannel(sandbox, t, "#" + sandbox.news().name() + " › 🧵 " + t.name(), names, out);
    }
    out.println();
    out.println("=".repeat(78));
    out.println("Stored takes and their tags (what the bot knows)");
    out.println("=".repeat(78));
    for (var d : store.listDiscussions(Long.parseLong(sandbox.guildId()), 10)) {
      List<Take> takes = new ArrayList<>();
      store.forEachTake(d.postMessageId(), takes::add);
      takes.sort(Comparator.comparingLong(Take::messageId));
      for (Take t : takes) {
        out.printf(
            Locale.ROOT,
            "  %-8s %+.2f  %-8s %s%s%n",
            t.label().id(),
            t.score(),
            t.authorName(),
            oneLine(t.text(), 70),
            t.editedAt() != null ? " (edited)" : "");
      }
    }
  }

  private void printChannel(
      DiscordSandbox sandbox,
      Channel channel,
      String title,
      Map<String, String> names,
      PrintWriter out) {
    out.println();
    out.println("── " + title + " " + "─".repeat(Math.max(3, 74 - title.length())));
    for (SandboxMessage m : sandbox.messages(channel)) {
      if (m.isLoading()) {
        continue;
      }
      String author = names.getOrDefault(m.authorId(), m.authorId());
      if (m.interactionId() != null && invokers.containsKey(m.interactionId())) {
        out.println("  ╭ " + invokers.get(m.interactionId()));
      }
      String replyTo =
          m.referencedMessageId() == null
              ? ""
              : " ↪ replying to "
                  + sandbox
                      .message(m.referencedMessageId())
                      .map(r -> names.getOrDefault(r.authorId(), "?"))
                      .orElse("a deleted message");
      out.println(
          "  "
              + author
              + replyTo
              + (m.isEphemeral() ? "  (only you can see this)" : "")
              + (m.isEdited() ? "  (edited)" : ""));
      if (!m.content().isBlank()) {
        m.content().lines().forEach(l -> out.println("    " + l));
      }
      for (JsonNode e : m.embeds()) {
        printEmbed(e, out);
      }
      for (JsonNode a : m.attachments()) {
        out.println(
            "    📎 "
                + a.path("filename").asText()
                + " ("
                + a.path("size").asLong() / 1024
                + " KB)");
      }
      for (JsonNode row : m.components()) {
        List<String> labels = new ArrayList<>();
        row.path("components").forEach(c -> labels.add("[ " + c.path("label").asText() + " ]"));
        out.println("    " + String.join(" ", labels));
      }
      if (sandbox.channel(m.id()).filter(Channel::isThread).isPresent()) {
        out.println("    🧵 thread: " + sandbox.channel(m.id()).get().name());
      }
    }
  }

  private static void printEmbed(JsonNode e, PrintWriter out) {
    String bar = "    ┃ ";
    if (e.hasNonNull("title")) {
      out.println(bar + "**" + e.get("title").asText() + "**");
    }
    if (e.hasNonNull("description")) {
      e.get("description").asText().lines().forEach(l -> out.println(bar + l));
    }
    for (JsonNode f : e.path("fields")) {
      out.println(bar);
      out.println(bar + "__" + f.path("name").asText() + "__");
      f.path("value").asText().lines().forEach(l -> out.println(bar + l));
    }
    if (e.path("image").hasNonNull("url")) {
      String url = e.path("image").path("url").asText();
      out.println(bar + "[image: " + url.substring(url.lastIndexOf('/') + 1) + "]");
    }
    if (e.path("footer").hasNonNull("text")) {
      out.println(bar + "— " + e.path("footer").path("text").asText());
    }
  }

  private Path articleFolder(Path tmp) throws IOException {
    if (Files.isRegularFile(articles.resolve(ARTICLE))) {
      return articles;
    }
    Path dir = Files.createDirectories(tmp.resolve("articles"));
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + ARTICLE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled demo article is missing from the jar");
      }
      Files.copy(in, dir.resolve(ARTICLE));
    }
    return dir;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the bot did not react within " + WAIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static String oneLine(String s, int max) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
