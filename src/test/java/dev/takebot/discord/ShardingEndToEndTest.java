package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.ShardSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.SandboxGuild;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot over four guilds on two shards: in one process running both, and as two bots (one per
 * shard) over one database. {@link MultiProcessEndToEndTest} runs them as separate JVMs.
 */
@DisplayName("Sharding")
class ShardingEndToEndTest {
  private static final Duration WAIT = BotHarness.WAIT;
  private static final Pattern POST_LINK = Pattern.compile("channels/(\\d+)/\\d+/(\\d+)");

  @TempDir Path dir;

  /** Two buckets, so both shards identify at once and start-up stays quick. */
  private static DiscordSandbox sandbox() {
    return DiscordSandbox.builder().guilds(4).recommendedShards(2).maxConcurrency(2).start();
  }

  /** Commands registered globally: the dev guild is one guild of one shard. */
  private TakeBotConfig config(DiscordSandbox sandbox, ShardSettings shards) {
    return new TakeBotConfig(
        new DiscordSettings(
                sandbox.restUrl(), sandbox.gatewayUrl(), null, List.of("Moderator"), "news")
            .withShards(shards),
        new ArticleSettings(Path.of("config", "articles"), 6),
        StorageSettings.of("jdbc:sqlite:" + dir.resolve("takes.db")),
        new TakesSettings(0, 0));
  }

  private static TakeBotAssembly start(TakeBotConfig config, DiscordSandbox sandbox)
      throws InterruptedException {
    return TakeBotAssembly.start(
        config,
        sandbox.token(),
        Map.of(),
        TakeBotAssembly.Overrides.none().takeRetryDelay(BotHarness.TAKE_RETRY_DELAY));
  }

  /** A moderator of {@code guild} posts an article; returns its discussion once stored. */
  private static Discussion postArticle(
      DiscordSandbox sandbox, TakeRepository store, SandboxGuild guild) {
    String text =
        "# News of "
            + guild.name()
            + "\n\nThe council voted to rebuild the old bridge this spring. "
            + "Engineers said the work would take a year.\n";
    InteractionHandle cmd =
        sandbox.slash(
            guild.moderator(),
            guild.news(),
            "article post",
            now(Map.of("file", FileUpload.text("article.md", text))));
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    Discussion d = store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    assertThat(d.guildId()).isEqualTo(Long.parseLong(guild.id()));
    return d;
  }

  /** Two takes in the discussion's thread and one reply to the post, each stored. */
  private static List<String> takeIn(
      DiscordSandbox sandbox, TakeRepository store, SandboxGuild guild, Discussion d) {
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    List<String> ids = new ArrayList<>();
    ids.add(sandbox.post(guild.member(), thread, "A great idea, finally").id());
    ids.add(sandbox.post(guild.moderator(), thread, "An awful waste of money").id());
    SandboxMessage post = sandbox.message(Long.toString(d.postMessageId())).orElseThrow();
    ids.add(sandbox.reply(guild.member(), post, "Not sure about this").id());
    for (String id : ids) {
      BotHarness.await("take " + id, () -> store.findTake(Long.parseLong(id)).isPresent());
    }
    BotHarness.await(
        "takes of " + guild.name() + " counted",
        () -> store.stats(d.postMessageId()).takes() == ids.size());
    return ids;
  }

  /**
   * Each interaction got exactly one callback. The sandbox logs a request once it has answered it,
   * so a later marker command's logged callback shows the earlier ones are all in.
   */
  private static void answeredOnce(
      DiscordSandbox sandbox, SandboxGuild guild, List<InteractionHandle> handles) {
    InteractionHandle marker = sandbox.slash(guild.member(), guild.general(), "takes mine");
    marker.awaitResponse(WAIT);
    sandbox.awaitRequest(r -> r.is("POST", callback(marker)), WAIT);
    for (InteractionHandle h : handles) {
      assertThat(sandbox.requests())
          .as("callbacks of %s", h)
          .filteredOn(r -> r.is("POST", callback(h)))
          .hasSize(1);
    }
  }

  private static String callback(InteractionHandle h) {
    return "interactions/" + h.id() + "/" + h.token() + "/callback";
  }

  private static Map<Integer, List<SandboxGuild>> byShard(DiscordSandbox sandbox) {
    return sandbox.guilds().stream().collect(Collectors.groupingBy(g -> g.shard(2)));
  }

  private static List<String> guildIds(JDA shard) {
    return shard.getGuilds().stream().map(Guild::getId).sorted().toList();
  }

  private static List<String> ids(List<SandboxGuild> guilds) {
    return guilds.stream().map(SandboxGuild::id).sorted().toList();
  }

  @Test
  @DisplayName(
      "one bot running shards 0 and 1 of 2 collects the takes and answers the commands of a guild"
          + " on each shard")
  void oneProcessBothShards() throws Exception {
    try (DiscordSandbox sandbox = sandbox();
        TakeBotAssembly app =
            start(config(sandbox, new ShardSettings(2, List.of(0, 1))), sandbox)) {
      Map<Integer, List<SandboxGuild>> shards = byShard(sandbox);
      assertThat(app.bot().shards().getShards()).hasSize(2);
      assertThat(guildIds(app.bot().shards().getShardById(0))).isEqualTo(ids(shards.get(0)));
      assertThat(guildIds(app.bot().shards().getShardById(1))).isEqualTo(ids(shards.get(1)));
      assertThat(app.bot().isConnected()).isTrue();
      // Registered once, globally, by shard 0.
      assertThat(sandbox.requests())
          .filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/commands"))
          .hasSize(1);

      List<InteractionHandle> commands = new ArrayList<>();
      for (int shard : List.of(0, 1)) {
        SandboxGuild guild = shards.get(shard).get(0);
        Discussion d = postArticle(sandbox, app.store(), guild);
        takeIn(sandbox, app.store(), guild, d);
        InteractionHandle mine = sandbox.slash(guild.member(), guild.general(), "takes mine");
        assertThat(mine.awaitResponse(WAIT).embeds().get(0).path("description").asText())
            .contains("A great idea, finally");
        commands.add(mine);
      }
      answeredOnce(sandbox, shards.get(0).get(0), commands);
    }
  }

  @Test
  @DisplayName("shards: auto runs Discord's recommended count from GET /gateway/bot, all here")
  void autoTakesDiscordsRecommendation() throws Exception {
    try (DiscordSandbox sandbox = sandbox();
        TakeBotAssembly app = start(config(sandbox, ShardSettings.AUTO), sandbox)) {
      assertThat(sandbox.requests()).anyMatch(r -> r.is("GET", "gateway/bot"));
      assertThat(app.bot().shards().getShardsTotal()).isEqualTo(2);
      assertThat(app.bot().shards().getShards()).hasSize(2);
      assertThat(app.bot().shards().getGuilds()).hasSize(4);
      assertThat(app.bot().isConnected()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "two bots over one database, one per shard: every take stored once, every interaction"
          + " answered once, each bot sees only its shard's guilds")
  void twoBotsOneShardEach() throws Exception {
    try (DiscordSandbox sandbox = sandbox();
        TakeBotAssembly zero = start(config(sandbox, new ShardSettings(2, List.of(0))), sandbox);
        TakeBotAssembly one = start(config(sandbox, new ShardSettings(2, List.of(1))), sandbox)) {
      Map<Integer, List<SandboxGuild>> shards = byShard(sandbox);
      assertThat(guildIds(zero.bot().jda())).isEqualTo(ids(shards.get(0)));
      assertThat(guildIds(one.bot().jda())).isEqualTo(ids(shards.get(1)));
      assertThat(one.bot().shards().getShards()).hasSize(1);
      // Only the bot running shard 0 registers the commands.
      assertThat(sandbox.requests())
          .filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/commands"))
          .hasSize(1);

      List<InteractionHandle> commands = new ArrayList<>();
      List<String> takes = new ArrayList<>();
      for (int shard : List.of(0, 1)) {
        for (SandboxGuild guild : shards.get(shard)) {
          Discussion d = postArticle(sandbox, zero.store(), guild);
          takes.addAll(takeIn(sandbox, zero.store(), guild, d));
          commands.add(sandbox.slash(guild.member(), guild.general(), "takes mine"));
        }
      }
      for (InteractionHandle c : commands) {
        assertThat(c.awaitResponse(WAIT).embeds().get(0).path("description").asText())
            .contains("A great idea, finally");
      }
      answeredOnce(sandbox, shards.get(1).get(0), commands);
      // Both bots read the one database: each sees every take, once.
      for (String id : takes) {
        assertThat(one.store().findTake(Long.parseLong(id))).isPresent();
      }
      assertThat(takes).doesNotHaveDuplicates().hasSize(4 * 3);
    }
  }
}
