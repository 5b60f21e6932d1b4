package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.Representative;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (#11): JDA's event thread waited on summary work. Every take ran a digest check (a
 * {@code stats()} query) on it, and every reaction a store read. Here the bot's view of the store
 * records which thread runs those reads; JDA's event threads are the ones named "JDA …" (e.g. "JDA
 * MainWS-ReadThread").
 */
@DisplayName("JDA's event thread never waits on digest or reaction work")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventThreadEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  /** A digest check that is stuck waits at most this long, so the test fails rather than hangs. */
  private static final long HOLD_MS = 5_000;

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member alice;
  private final AtomicInteger articles = new AtomicInteger();

  /** Threads that ran stats(), and a reaction's store read. */
  private final Set<String> statsThreads = ConcurrentHashMap.newKeySet();

  private final Set<String> reactionReadThreads = ConcurrentHashMap.newKeySet();
  private final Map<Long, AtomicInteger> statsCalls = new ConcurrentHashMap<>();

  /**
   * The discussion whose next stats() call holds until {@link #release} opens (at most {@link
   * #HOLD_MS}).
   */
  private final AtomicLong holdStatsOf = new AtomicLong();

  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            new dev.takebot.sentiment.KeywordAnalyzer(),
            List.of(),
            r -> r,
            new TakesSettings(0, 0, 1_000),
            Clock.systemUTC(),
            this::recording);
    sandbox = h.sandbox;
    alice = sandbox.addMember("alice");
  }

  @AfterAll
  void stop() {
    release.countDown();
    if (h != null) {
      h.close();
    }
  }

  private TakeRepository recording(TakeRepository real) {
    return (TakeRepository)
        Proxy.newProxyInstance(
            TakeRepository.class.getClassLoader(),
            new Class<?>[] {TakeRepository.class},
            (proxy, method, args) -> {
              String thread = Thread.currentThread().getName();
              if (method.getName().equals("stats")) {
                statsThreads.add(thread);
                statsCalls
                    .computeIfAbsent((Long) args[0], k -> new AtomicInteger())
                    .incrementAndGet();
                if (holdStatsOf.compareAndSet((Long) args[0], 0)) {
                  held.countDown();
                  release.await(HOLD_MS, TimeUnit.MILLISECONDS);
                }
              } else if (method.getName().equals("findTake") && calledBy(ReactionTracker.class)) {
                reactionReadThreads.add(thread);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean calledBy(Class<?> type) {
    return StackWalker.getInstance()
        .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(type.getName())));
  }

  private int statsCalls(Discussion d) {
    AtomicInteger n = statsCalls.get(d.postMessageId());
    return n == null ? 0 : n.get();
  }

  private record Posted(Discussion discussion, Channel thread) {}

  private Posted postArticle(String title) {
    String article =
        "# "
            + title
            + " "
            + articles.incrementAndGet()
            + "\n\nThe United States moved to reset"
            + " relations with Burkina Faso, Mali and Niger this week. Officials said talks would focus on trade.\n";
    SandboxMessage answer = h.postArticleFile(article);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    Discussion d = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return new Posted(d, thread);
  }

  @Test
  @DisplayName(
      "takes and reactions: stats() and the reactions' store reads run on the bot's thread, not JDA's")
  void neverOnTheEventThread() {
    Posted p = postArticle("Reactions");
    List<SandboxMessage> sent = new ArrayList<>();
    for (String text : List.of("good for trade", "awful timing", "we will see")) {
      sent.add(sandbox.post(alice, p.thread(), text));
    }
    sent.forEach(m -> h.awaitTake(m.id()));
    sandbox.react(sandbox.moderator(), sent.get(1), "🔥");
    sandbox.react(alice, sent.get(1), "👍");
    sandbox.react(sandbox.moderator(), sent.get(2), "👍");
    sandbox.unreact(sandbox.moderator(), sent.get(2), "👍");
    BotHarness.await(
        "the reactions counted",
        () ->
            h.summaries
                    .summary(p.discussion().postMessageId())
                    .orElseThrow()
                    .summary()
                    .mostReacted()
                    .map(Representative::reactions)
                    .orElse(0)
                == 2);
    BotHarness.await("the digest checks", () -> statsCalls(p.discussion()) > 0);

    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(statsThreads)
              .as("threads that ran stats()")
              .isNotEmpty()
              .noneMatch(t -> t.startsWith("JDA"));
          soft.assertThat(reactionReadThreads)
              .as("threads that read the store for a reaction")
              .isNotEmpty()
              .noneMatch(t -> t.startsWith("JDA"));
        });
  }

  @Test
  @DisplayName(
      "a burst of 100 takes while a digest check runs queues one more check for that discussion, not 100")
  void burstQueuesOneCheckPerDiscussion() throws InterruptedException {
    Posted burst = postArticle("Burst");
    Posted other = postArticle("Marker");
    holdStatsOf.set(burst.discussion().postMessageId());
    h.awaitTake(sandbox.post(alice, burst.thread(), "take 0").id());
    assertThat(held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("a digest check is running")
        .isTrue();
    try {
      SandboxMessage last = null;
      for (int i = 1; i < 100; i++) {
        last = sandbox.post(alice, burst.thread(), "take " + i);
      }
      h.awaitTake(last.id());
      // JDA reports events in order: once this one is stored, every take above has been reported.
      h.awaitTake(sandbox.post(alice, other.thread(), "marker").id());
    } finally {
      release.countDown();
    }
    // One thread runs the checks in order: once the marker's has run, so has every check queued
    // before it.
    BotHarness.await("the marker's digest check", () -> statsCalls(other.discussion()) == 1);

    assertThat(statsCalls(burst.discussion()))
        .as("the running check, and one for the whole burst")
        .isEqualTo(2);
    assertThat(h.store.stats(burst.discussion().postMessageId()).takes()).isEqualTo(100);
  }
}
