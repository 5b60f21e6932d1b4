package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
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
  private static final Discussion BIG = new Discussion(5_000, SeedDiscussion.GUILD, SeedDiscussion.CHANNEL,
      5_000, "big", "Sahel: the US reset, Russia and France", SeedDiscussion.POSTED);

  @TempDir
  Path dir;
  private JdbcTakeStore store;
  private final InMemoryTakeRepository memory = SeedDiscussion.repository();

  @BeforeEach
  void fill() {
    store = Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null);
    store.saveDiscussion(SeedDiscussion.DISCUSSION);
    store.insertTakes(SeedDiscussion.takes());
    store.saveDiscussion(BIG);
    memory.saveDiscussion(BIG);
    // Seed texts reused over three days; scores in eighths, so a sum is exact in doubles and in the
    // store's millionths alike.
    List<Take> seed = SeedDiscussion.takes();
    Random random = new Random(5);
    Label[] labels = Label.values();
    List<Take> big = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Take model = seed.get(random.nextInt(seed.size()));
      Label label = random.nextInt(3) == 0 ? labels[random.nextInt(labels.length)] : model.label();
      big.add(new Take(6_000L + i * 3L, BIG.postMessageId(), BIG.channelId(), 50 + random.nextInt(400),
          "member" + i, model.text() + " #" + (i % 17), SeedDiscussion.POSTED.plusSeconds(random.nextInt(259_200)),
          null, label, (random.nextInt(17) - 8) / 8.0, "v1"));
    }
    store.insertTakes(big);
    big.forEach(memory::insertTake);
    store.deleteTake(6_003L);
    memory.deleteTake(6_003L);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName("says what the same takes in memory say, when every take is used; the mean to the last bit of a double")
  void smallMatchesMemory() {
    Map<Long, Integer> reactions = Map.of(1005L, 9, 1010L, 9, 6_000L, 50);
    DiscussionSummary fromStore = new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK)
        .summarize(SeedDiscussion.DISCUSSION, reactions, null);
    DiscussionSummary fromMemory = new DiscussionSummarizer(memory, DiscussionSummarizerTest.CLOCK)
        .summarize(SeedDiscussion.DISCUSSION, reactions, null);

    // the store sums scores in millionths, memory in doubles: tenths like -0.7 differ in the last bit
    assertThat(fromStore).usingRecursiveComparison().ignoringFields("meanScore").isEqualTo(fromMemory);
    assertThat(fromStore.meanScore()).isCloseTo(fromMemory.meanScore(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(fromStore.mostReacted()).hasValueSatisfying(r -> assertThat(r.messageId()).isEqualTo(1005L));
  }

  @Test
  @DisplayName("says exactly what the same takes in memory say when sampling: counts, chart, themes, quotes")
  void sampledMatchesMemory() {
    Map<Long, Integer> reactions = Map.of(6_003L, 99, 6_030L, 7, 6_300L, 7, 1005L, 80);
    DiscussionSummary fromStore = new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK, 100)
        .summarize(BIG, reactions, null);
    DiscussionSummary fromMemory = new DiscussionSummarizer(memory, DiscussionSummarizerTest.CLOCK, 100)
        .summarize(BIG, reactions, null);

    assertThat(fromStore).isEqualTo(fromMemory);
    assertThat(fromStore.takes()).isEqualTo(2_999);
    assertThat(fromStore.series().total()).isEqualTo(2_999);
    assertThat(fromStore.isSampled()).isTrue();
    assertThat(fromStore.themes()).isNotEmpty();
    // the deleted take and another discussion's take do not count, whatever their reactions
    assertThat(fromStore.mostReacted()).hasValueSatisfying(r -> assertThat(r.messageId()).isEqualTo(6_030L));
  }
}
