package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.StoreException;
import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a take whose write failed waited for its retry on a scheduler routine, and stopping
 * the bot dropped the retry ("left to backfill"), so a stop right after a database hiccup lost the
 * take until the next start's backfill found it, if it ever ran.
 */
@DisplayName("Stopping the bot drains takes waiting for their retry")
class ShutdownDrainEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  private final AtomicInteger failInserts = new AtomicInteger();

  private TakeRepository failingOnDemand(TakeRepository real) {
    return (TakeRepository)
        Proxy.newProxyInstance(
            TakeRepository.class.getClassLoader(),
            new Class<?>[] {TakeRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("insertTake")
                  && failInserts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreException("database unavailable (injected by the test)");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  @DisplayName(
      "a take whose first write failed is stored when the bot stops, before its retry was due")
  void pendingRetryIsWrittenAtStop(@TempDir Path dir) throws InterruptedException {
    String takeId;
    try (BotHarness h = bot(dir)) {
      DiscordSandbox sandbox = h.sandbox;
      Channel thread = postArticle(sandbox);

      // given a take whose write failed, its retry due in ten minutes
      failInserts.set(1);
      takeId = sandbox.post(sandbox.member(), thread, "A sensible step, finally").id();
      BotHarness.await("the failed first attempt", () -> h.app.takesWaitingForRetry() == 1);
      assertThat(h.store.findTake(Long.parseLong(takeId))).isEmpty();
    } // when the bot stops
    // then the take was written before the store closed
    assertStored(dir, takeId);
  }

  @Test
  @DisplayName(
      "a take whose write fails while the bot is stopping (routines already stopped, gateway still"
          + " open) is stored by the drain, not left to the next start")
  void failureDuringStopIsDrained(@TempDir Path dir) throws InterruptedException {
    String takeId;
    try (BotHarness h = bot(dir)) {
      DiscordSandbox sandbox = h.sandbox;
      Channel thread = postArticle(sandbox);

      // given a bot whose routines have stopped (the first step of stopping), so no retry can be
      // scheduled, and a take whose write fails in that moment
      h.app.scheduler().stopRoutines();
      failInserts.set(1);
      takeId = sandbox.post(sandbox.member(), thread, "A sensible step, finally").id();
      BotHarness.await("the failed attempt", () -> failInserts.get() == 0);
      BotHarness.await("the take to wait for the drain", () -> h.app.takesWaitingForRetry() == 1);
    } // when the bot finishes stopping
    // then the drain wrote it
    assertStored(dir, takeId);
  }

  /** A bot whose take writes fail on demand and whose retries are ten minutes away. */
  private BotHarness bot(Path dir) throws InterruptedException {
    return new BotHarness(
        DiscordSandbox.builder(),
        dir,
        s -> List.of(),
        new TakesSettings(0, 0),
        TakeBotAssembly.Overrides.none()
            .analyzer(new KeywordAnalyzer())
            .storeView(this::failingOnDemand)
            .takeRetryDelay(Duration.ofMinutes(10)));
  }

  /** Posts the sample article; its thread, where takes go. */
  private static Channel postArticle(DiscordSandbox sandbox) {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                BotHarness.now(Map.of("name", "sahel-reset")))
            .awaitResponse(WAIT);
    Matcher link = POST_LINK.matcher(answer.content());
    assertThat(link.find()).isTrue();
    return sandbox.awaitThread(t -> t.id().equals(link.group(2)), WAIT);
  }

  /** The take is in the database file the stopped bot left. */
  private static void assertStored(Path dir, String takeId) {
    try (JdbcTakeStore store = Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null)) {
      assertThat(store.findTake(Long.parseLong(takeId))).isPresent();
    }
  }
}
