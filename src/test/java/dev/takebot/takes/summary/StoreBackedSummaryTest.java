package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A summary read from the SQLite store")
class StoreBackedSummaryTest {
  private static final Discussion BIG =
      new Discussion(
          5_000,
          SeedDiscussion.GUILD,
          SeedDiscussion.CHANNEL,
          5_000,
          "big",
          "Sahel: the US reset, Russia and France",
          SeedDiscussion.POSTED);

  @TempDir Path dir;
  private JdbcTakeStore store;

  /**
   * The same store answering with the repository's plain defaults: the reference its own SQL must
   * agree with.
   */
  private TakeRepository reference;

  @BeforeEach
  void fill() {
    store = SeedDiscussion.store(dir);
    reference = withDefaultQueries(store);
    store.saveDiscussion(BIG);
    // Seed texts reused over three days; scores in eighths, so a sum is exact in doubles and in the
    // store's millionths alike.
    List<Take> seed = SeedDiscussion.takes();
    Random random = new Random(5);
    Label[] labels = Label.values();
    List<Take> big = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Take model = seed.get(random.nextInt(seed.size()));
      Label label = random.nextInt(3) == 0 ? labels[random.nextInt(labels.length)] : model.label();
      big.add(
          new Take(
              6_000L + i * 3L,
              BIG.postMessageId(),
              BIG.channelId(),
              50 + random.nextInt(400),
              "member" + i,
              model.text() + " #" + (i % 17),
              SeedDiscussion.POSTED.plusSeconds(random.nextInt(259_200)),
              null,
              label,
              (random.nextInt(17) - 8) / 8.0,
              "v1"));
    }
    store.insertTakes(big);
    store.deleteTake(6_003L);
  }

  /**
   * {@code store}, with every query the repository has a default for (the chart's time range and
   * buckets, the sample) answered by that default, which reads plain {@code forEachTake}, instead
   * of the store's SQL.
   */
  private static TakeRepository withDefaultQueries(TakeRepository store) {
    return (TakeRepository)
        Proxy.newProxyInstance(
            TakeRepository.class.getClassLoader(),
            new Class<?>[] {TakeRepository.class},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName("says what the plain default queries say, when every take is used")
  void smallMatchesDefaults() {
    Map<Long, Integer> reactions = Map.of(1005L, 9, 1010L, 9, 6_000L, 50);
    DiscussionSummary fromStore =
        new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK)
            .summarize(SeedDiscussion.DISCUSSION, reactions, null);
    DiscussionSummary fromDefaults =
        new DiscussionSummarizer(reference, DiscussionSummarizerTest.CLOCK)
            .summarize(SeedDiscussion.DISCUSSION, reactions, null);

    assertThat(fromStore).isEqualTo(fromDefaults);
    assertThat(fromStore.mostReacted())
        .hasValueSatisfying(r -> assertThat(r.messageId()).isEqualTo(1005L));
  }

  @Test
  @DisplayName(
      "says exactly what the plain default queries say when sampling: counts, chart, themes, quotes")
  void sampledMatchesDefaults() {
    Map<Long, Integer> reactions = Map.of(6_003L, 99, 6_030L, 7, 6_300L, 7, 1005L, 80);
    DiscussionSummary fromStore =
        new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK, 100)
            .summarize(BIG, reactions, null);
    DiscussionSummary fromDefaults =
        new DiscussionSummarizer(reference, DiscussionSummarizerTest.CLOCK, 100)
            .summarize(BIG, reactions, null);

    assertThat(fromStore).isEqualTo(fromDefaults);
    assertThat(fromStore.takes()).isEqualTo(2_999);
    assertThat(fromStore.series().total()).isEqualTo(2_999);
    assertThat(fromStore.isSampled()).isTrue();
    assertThat(fromStore.themes()).isNotEmpty();
    // the deleted take and another discussion's take do not count, whatever their reactions
    assertThat(fromStore.mostReacted())
        .hasValueSatisfying(r -> assertThat(r.messageId()).isEqualTo(6_030L));
  }
}
