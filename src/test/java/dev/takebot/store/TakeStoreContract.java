package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Correction;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.ForgetResult;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeQuery;
import dev.takebot.takes.TakeStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every engine must show. Each engine's test class extends this and says how to open
 * a fresh, empty store; the same tests then run on SQLite and PostgreSQL.
 */
abstract class TakeStoreContract {
  static final long GUILD = 100;
  static final long OTHER_GUILD = 200;
  static final long POST = 1_000;
  static final long OTHER_POST = 2_000;

  /** The channel every {@link #discussion} is posted in. */
  static final long CHANNEL = 10;

  static final ChannelScope ALL = ChannelScope.unrestricted();
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

  JdbcTakeStore store;

  /** A fresh, empty store on the engine under test. */
  abstract JdbcTakeStore openEmpty() throws Exception;

  /** The same database again, as after a restart. */
  abstract JdbcTakeStore reopen() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = openEmpty();
    store.saveDiscussion(discussion(POST, GUILD, "key-a"));
    store.saveDiscussion(discussion(OTHER_POST, OTHER_GUILD, "key-b"));
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  static Discussion discussion(long post, long guild, String key) {
    return new Discussion(post, guild, CHANNEL, post, key, "Title " + post, T0.plusSeconds(post));
  }

  static Take take(long id, long post, long author, Label label, double score) {
    return new Take(
        id,
        post,
        post,
        author,
        "user" + author,
        "take number " + id,
        T0.plusMillis(id),
        null,
        label,
        score,
        "v1");
  }

  static Take take(long id, long author) {
    return take(id, POST, author, Label.POSITIVE, 0.5);
  }

  List<Take> all(long post) {
    List<Take> out = new ArrayList<>();
    store.forEachTake(post, out::add);
    return out;
  }

  @Test
  @DisplayName("a take round-trips with every field, and a duplicate event changes nothing")
  void duplicateInsertIsIgnored() {
    Take t =
        new Take(
            42,
            POST,
            77,
            5,
            "Ada, \"the\" one",
            "Great piece! 👍",
            T0,
            T0.plusSeconds(3),
            Label.MIXED,
            -0.25,
            "v1");

    assertThat(store.insertTake(t)).isTrue();
    assertThat(store.insertTake(t)).isFalse();
    assertThat(store.insertTake(take(42, 9))).as("same id, different content").isFalse();

    assertThat(store.findTake(42)).contains(t);
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(1);
    assertThat(stats.members()).isEqualTo(1);
    assertThat(stats.byLabel().get(Label.MIXED)).isEqualTo(1);
    assertThat(stats.scoreSum()).isEqualTo(-0.25);
  }

  @Test
  @DisplayName("a take for a discussion that was never saved is refused with a clear message")
  void unknownDiscussionIsRefused() {
    assertThatThrownBy(() -> store.insertTake(take(1, 9_999, 5, Label.NEUTRAL, 0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unknown discussion 9999");
  }

  @Test
  @DisplayName("an edit replaces text, edit time and tag, and moves the aggregates")
  void editUpdatesTakeAndStats() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));

    boolean found =
        store.updateTake(1, "changed my mind", T0.plusSeconds(60), Label.NEGATIVE, -0.75, "v1");

    assertThat(found).isTrue();
    Take t = store.findTake(1).orElseThrow();
    assertThat(t.text()).isEqualTo("changed my mind");
    assertThat(t.editedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
    TakeStats stats = store.stats(POST);
    assertThat(stats.byLabel()).containsEntry(Label.POSITIVE, 0L).containsEntry(Label.NEGATIVE, 1L);
    assertThat(stats.scoreSum()).isEqualTo(-0.75);
    assertThat(store.updateTake(999, "x", T0, Label.NEUTRAL, 0, "v1")).isFalse();
  }

  /** Regression: a backfill page read before a live edit landed overwrote the newer text. */
  @Test
  @DisplayName("an edit older than the stored one is ignored, so the newest text wins")
  void staleEditIgnored() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.updateTake(1, "newest", T0.plusSeconds(120), Label.NEGATIVE, -0.5, "v1");

    boolean applied = store.updateTake(1, "older", T0.plusSeconds(60), Label.POSITIVE, 0.9, "v1");

    assertThat(applied).isFalse();
    assertThat(store.findTake(1).orElseThrow().text()).isEqualTo("newest");
    assertThat(store.stats(POST).byLabel()).containsEntry(Label.NEGATIVE, 1L);
  }

  @Test
  @DisplayName(
      "the aggregates count each label under its own name, whatever order the labels are declared in")
  void statsCountEachLabelByName() {
    // a different count per label, so counts read into the wrong label cannot go unnoticed
    Map<Label, Long> expected =
        Map.of(Label.POSITIVE, 1L, Label.NEGATIVE, 2L, Label.NEUTRAL, 3L, Label.MIXED, 4L);
    long id = 1;
    for (Map.Entry<Label, Long> e : expected.entrySet()) {
      for (long i = 0; i < e.getValue(); i++) {
        store.insertTake(take(id, POST, id, e.getKey(), 0));
        id++;
      }
    }

    assertThat(store.stats(POST).byLabel()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  @DisplayName(
      "a delete removes the take and its text; the member leaves the count with their last take")
  void deleteRemovesTake() {
    store.insertTake(take(1, 5));
    store.insertTake(take(2, 5));
    store.insertTake(take(3, 6));

    assertThat(store.deleteTake(1)).isTrue();
    assertThat(store.deleteTake(1)).isFalse();
    assertThat(store.findTake(1)).isEmpty();
    assertThat(store.stats(POST).members()).isEqualTo(2);

    store.deleteTake(2);
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(1);
    assertThat(stats.members()).isEqualTo(1);
    assertThat(all(POST)).extracting(Take::messageId).containsExactly(3L);
  }

  @Test
  @DisplayName(
      "deleting a discussion removes it with its takes, corrections and aggregates, and nothing else")
  void deleteDiscussion() {
    // given a discussion with takes (one corrected), and another post of the same article in the
    // same guild
    long sibling = 3_000;
    store.saveDiscussion(discussion(sibling, GUILD, "key-a"));
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(2, POST, 6, Label.NEGATIVE, -0.5));
    store.correctLabel(2, Label.MIXED, 77, T0);
    store.insertTake(take(3, sibling, 5, Label.NEUTRAL, 0));

    // when it is deleted
    boolean deleted = store.deleteDiscussion(POST);

    // then it is gone everywhere it could be found, its aggregates read empty, and the sibling is
    // untouched
    assertThat(deleted).isTrue();
    assertThat(store.findDiscussion(POST)).isEmpty();
    assertThat(store.findDiscussionByThread(POST)).isEmpty();
    assertThat(store.listDiscussions(GUILD, 10))
        .extracting(Discussion::postMessageId)
        .containsExactly(sibling);
    assertThat(store.findDiscussionsByArticle("key-a"))
        .extracting(Discussion::postMessageId)
        .containsExactly(sibling);
    assertThat(store.findTake(1)).isEmpty();
    assertThat(store.findTake(2)).isEmpty();
    assertThat(all(POST)).isEmpty();
    assertThat(store.stats(POST)).isEqualTo(new TakeStats(0, 0, Map.of(), 0));
    assertThat(store.lastTakeMessageId(POST)).isZero();
    List<Correction> corrections = new ArrayList<>();
    store.forEachCorrection(GUILD, corrections::add);
    assertThat(corrections).isEmpty();
    assertThat(store.findTake(3)).isPresent();
    assertThat(store.stats(sibling).takes()).isEqualTo(1);
    assertThat(store.findDiscussion(OTHER_POST)).isPresent();
    // and no take can be filed under it any more
    assertThatThrownBy(() -> store.insertTake(take(4, POST, 5, Label.NEUTRAL, 0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unknown discussion " + POST);
  }

  @Test
  @DisplayName(
      "deleting an unknown discussion reports false; a deleted one can be recorded again from scratch")
  void deleteDiscussionAgain() {
    assertThat(store.deleteDiscussion(9_999)).isFalse();
    store.insertTake(take(1, 5));

    assertThat(store.deleteDiscussion(POST)).isTrue();
    assertThat(store.deleteDiscussion(POST)).as("a second delete").isFalse();

    // the article's only post is gone, so posting it again starts afresh
    store.saveDiscussion(discussion(POST, GUILD, "key-a"));
    assertThat(store.findDiscussion(POST)).contains(discussion(POST, GUILD, "key-a"));
    assertThat(store.stats(POST).takes()).isZero();
    assertThat(store.insertTake(take(1, 5))).as("the same message id is a new take again").isTrue();
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(1);
    assertThat(stats.members()).isEqualTo(1);
    assertThat(stats.byLabel().get(Label.POSITIVE)).isEqualTo(1);
  }

  @Test
  @DisplayName("a bulk delete removes the listed takes and reports how many existed")
  void bulkDelete() {
    LongStream.rangeClosed(1, 10).forEach(id -> store.insertTake(take(id, id % 3)));

    int deleted = store.deleteTakes(List.of(2L, 4L, 6L, 4L, 999L));

    assertThat(deleted).isEqualTo(3);
    assertThat(all(POST)).extracting(Take::messageId).containsExactly(1L, 3L, 5L, 7L, 8L, 9L, 10L);
    assertThat(store.stats(POST).takes()).isEqualTo(7);
    assertThat(store.deleteTakes(List.of())).isZero();
  }

  @Test
  @DisplayName(
      "after thousands of random inserts, edits, deletes, corrections and re-tags the aggregates"
          + " equal a recomputation from the stored takes")
  void statsStayExact() {
    Random random = new Random(4);
    Map<Long, Long> model = new HashMap<>(); // id -> post
    long[] posts = {POST, OTHER_POST};
    Label[] labels = Label.values();
    for (int i = 0; i < 3_000; i++) {
      long id = 1 + random.nextInt(400);
      long post = posts[(int) (id % 2)];
      Label label = labels[random.nextInt(labels.length)];
      double score = Math.round((random.nextDouble() * 2 - 1) * 1e4) / 1e4;
      switch (random.nextInt(7)) {
        case 0, 1, 2 -> {
          boolean isNew = store.insertTake(take(id, post, random.nextInt(12), label, score));
          assertThat(isNew).isEqualTo(model.put(id, post) == null);
        }
        case 3 ->
            assertThat(store.updateTake(id, "edit " + i, T0, label, score, "v1"))
                .isEqualTo(model.containsKey(id));
        case 4 -> assertThat(store.deleteTake(id)).isEqualTo(model.remove(id) != null);
        case 5 -> {
          List<Long> ids = List.of(id, id + 1, id + 2);
          long existed = ids.stream().filter(model::containsKey).count();
          assertThat(store.deleteTakes(ids)).isEqualTo(existed);
          ids.forEach(model::remove);
        }
        default -> {
          if (model.containsKey(id) && random.nextBoolean()) {
            store.correctLabel(id, label, 1, T0);
          } else {
            // now and then with a text the take no longer has: refused, and the aggregates must not
            // move
            boolean stale = random.nextInt(4) == 0;
            String scored = stale ? "an older text" : store.findTake(id).map(Take::text).orElse("");
            assertThat(store.retag(id, scored, label, score, "v2"))
                .isEqualTo(model.containsKey(id) && !stale);
          }
        }
      }
    }

    for (long post : posts) {
      List<Take> takes = all(post);
      Map<Label, Long> byLabel = new EnumMap<>(Label.class);
      Set<Long> authors = new HashSet<>();
      long micros = 0;
      for (Take t : takes) {
        byLabel.merge(t.label(), 1L, Long::sum);
        authors.add(t.authorId());
        micros += JdbcTakeStore.micros(t.score());
      }
      TakeStats expected =
          new TakeStats(takes.size(), authors.size(), byLabel, micros / 1_000_000.0);
      assertThat(store.stats(post)).isEqualTo(expected);
      assertThat(takes)
          .extracting(Take::messageId)
          .containsExactlyElementsOf(
              model.entrySet().stream()
                  .filter(e -> e.getValue() == post)
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList());
    }
  }

  @Test
  @DisplayName(
      "concurrent writers delivering the same events store each take once and keep exact aggregates")
  void concurrentDuplicateEvents() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  int inserted = 0;
                  for (long id = 1; id <= 600; id++) {
                    if (store.insertTake(
                        take(
                            id,
                            POST,
                            id % 37,
                            Label.values()[(int) (id % 4)],
                            0.001 * (id % 999)))) {
                      inserted++;
                    }
                    if (id % 100 == 0) {
                      store.stats(POST);
                    }
                  }
                  return inserted;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(2, TimeUnit.MINUTES);
      }
      assertThat(total).as("each event stored by exactly one writer").isEqualTo(600);
    } finally {
      pool.shutdownNow();
    }
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(600);
    assertThat(stats.members()).isEqualTo(37);
    assertThat(stats.byLabel())
        .containsEntry(Label.POSITIVE, 150L)
        .containsEntry(Label.MIXED, 150L);
    long micros = 0;
    for (long id = 1; id <= 600; id++) {
      micros += JdbcTakeStore.micros(0.001 * (id % 999));
    }
    assertThat(stats.scoreSum()).isEqualTo(micros / 1_000_000.0);
  }

  @Test
  @DisplayName("a failing write among concurrent ones fails alone; the others are stored")
  void failuresStayIsolated() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (long id = 1; id <= 400; id++) {
        long post =
            id % 10 == 0 ? 9_999 : POST; // every tenth names a discussion that does not exist
        Take t = take(id, post, id % 5, Label.NEUTRAL, 0);
        results.add(pool.submit(() -> store.insertTake(t)));
      }
      int stored = 0;
      int refused = 0;
      for (Future<Boolean> f : results) {
        try {
          if (f.get(2, TimeUnit.MINUTES)) {
            stored++;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOf(StoreException.class)
              .hasMessageContaining("unknown discussion");
          refused++;
        }
      }
      assertThat(stored).isEqualTo(360);
      assertThat(refused).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.stats(POST).takes()).isEqualTo(360);
    assertThat(all(POST)).hasSize(360);
  }

  @Test
  @DisplayName("forget remembers the request per guild, keeping the newest watermark")
  void forgetRemembersTheMember() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(2, POST, 6, Label.NEGATIVE, -0.5));

    assertThat(store.forgetAuthor(GUILD, 5, 1_000)).isEqualTo(1);
    assertThat(store.forgetAuthor(GUILD, 5, 500)).isZero();
    store.forgetAuthor(GUILD, 6, 2_000);

    assertThat(store.forgottenAuthors(GUILD))
        .containsOnly(Map.entry(5L, 1_000L), Map.entry(6L, 2_000L));
    assertThat(store.forgottenAuthors(GUILD + 1)).isEmpty();
    assertThat(all(POST)).isEmpty();
  }

  @Test
  @DisplayName(
      "after forget, a replayed or backfilled older message of that member is refused; a newer one"
          + " is a new take, and other members and guilds are unaffected")
  void forgetIsEnforcedOnInsert() {
    store.insertTake(take(10, POST, 5, Label.POSITIVE, 0.5));
    store.forgetAuthor(GUILD, 5, 1_000);

    assertThat(store.insertTake(take(10, POST, 5, Label.POSITIVE, 0.5)))
        .as("replayed event")
        .isFalse();
    assertThat(
            store.insertTakes(
                List.of(
                    take(999, POST, 5, Label.NEGATIVE, -0.5),
                    take(1_000, POST, 5, Label.NEGATIVE, -0.5))))
        .as("backfilled history up to the watermark")
        .isZero();
    assertThat(store.insertTake(take(1_001, POST, 5, Label.NEUTRAL, 0)))
        .as("newer message")
        .isTrue();
    assertThat(store.insertTake(take(500, POST, 6, Label.NEUTRAL, 0)))
        .as("another member")
        .isTrue();
    assertThat(store.insertTake(take(501, OTHER_POST, 5, Label.NEUTRAL, 0)))
        .as("another guild")
        .isTrue();

    assertThat(all(POST)).extracting(Take::messageId).containsExactly(500L, 1_001L);
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(2);
    assertThat(stats.members()).isEqualTo(2);
  }

  @Test
  @DisplayName("forget deletes every take of one member in one guild, and nobody else's")
  void forgetAuthor() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(2, POST, 6, Label.NEGATIVE, -0.5));
    store.insertTake(take(3, POST, 5, Label.NEUTRAL, 0));
    store.insertTake(take(4, OTHER_POST, 5, Label.POSITIVE, 0.5));
    store.correctLabel(3, Label.MIXED, 1, T0);

    int forgotten = store.forgetAuthor(GUILD, 5);

    assertThat(forgotten).isEqualTo(2);
    assertThat(all(POST)).extracting(Take::authorId).containsExactly(6L);
    assertThat(all(OTHER_POST))
        .extracting(Take::messageId)
        .as("other guild untouched")
        .containsExactly(4L);
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(1);
    assertThat(stats.members()).isEqualTo(1);
    List<Correction> corrections = new ArrayList<>();
    store.forEachCorrection(GUILD, corrections::add);
    assertThat(corrections).isEmpty();
  }

  @Test
  @DisplayName(
      "a moderator's correction wins over later edits and re-tags, and is listed as labelled data")
  void correctionWins() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(2, POST, 6, Label.POSITIVE, 0.4));

    store.correctLabel(1, Label.NEGATIVE, 77, T0.plusSeconds(5));
    store.retag(1, "take number 1", Label.POSITIVE, 0.9, "v2");
    store.updateTake(1, "edited", T0.plusSeconds(9), Label.NEUTRAL, 0.1, "v2");

    Take t = store.findTake(1).orElseThrow();
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
    assertThat(t.analyzerVersion()).isEqualTo(JdbcTakeStore.MODERATOR);
    assertThat(t.text()).isEqualTo("edited");
    assertThat(store.stats(POST).byLabel())
        .containsEntry(Label.NEGATIVE, 1L)
        .containsEntry(Label.POSITIVE, 1L)
        .containsEntry(Label.NEUTRAL, 0L);

    List<Correction> corrections = new ArrayList<>();
    store.forEachCorrection(GUILD, corrections::add);
    assertThat(corrections)
        .containsExactly(
            new Correction(
                1, POST, "edited", Label.NEGATIVE, Label.POSITIVE, 77, T0.plusSeconds(5)));

    List<Long> toRetag = new ArrayList<>();
    int visited = store.forEachTakeWithVersionNot("v2", 0, 10, tk -> toRetag.add(tk.messageId()));
    assertThat(visited).isEqualTo(1);
    assertThat(toRetag).as("corrected takes are never re-tagged").containsExactly(2L);
    assertThatThrownBy(() -> store.correctLabel(999, Label.MIXED, 77, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no take 999");
  }

  @Test
  @DisplayName(
      "listings page by keyset both ways, filter by discussion, tag and member, and never cross guilds")
  void listTakesPages() {
    store.saveDiscussion(discussion(3_000, GUILD, "key-c"));
    LongStream.rangeClosed(1, 25)
        .forEach(
            id ->
                store.insertTake(
                    take(
                        id,
                        POST,
                        id % 2 == 0 ? 5 : 6,
                        id % 3 == 0 ? Label.NEGATIVE : Label.POSITIVE,
                        0.5)));
    store.insertTake(take(26, 3_000, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(27, OTHER_POST, 5, Label.POSITIVE, 0.5));
    store.correctLabel(2, Label.NEGATIVE, 9, T0);

    TakeQuery article = new TakeQuery(GUILD, POST, null, null, ALL);
    List<Take> first = store.listTakes(article, 0, true, 10);
    List<Take> second = store.listTakes(article, first.get(9).messageId(), true, 10);
    List<Take> third = store.listTakes(article, second.get(9).messageId(), true, 10);
    List<Take> back = store.listTakes(article, second.get(0).messageId(), false, 10);

    assertThat(first)
        .extracting(Take::messageId)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(second).extracting(Take::messageId).startsWith(11L).endsWith(20L);
    assertThat(third).extracting(Take::messageId).containsExactly(21L, 22L, 23L, 24L, 25L);
    assertThat(back).isEqualTo(first);
    assertThat(store.listTakes(new TakeQuery(GUILD, POST, Label.NEGATIVE, 5L, ALL), 0, true, 100))
        .extracting(Take::messageId)
        .containsExactly(2L, 6L, 12L, 18L, 24L);
    assertThat(store.listTakes(TakeQuery.byAuthor(GUILD, 5, ALL), Long.MAX_VALUE, false, 3))
        .extracting(Take::messageId)
        .containsExactly(22L, 24L, 26L);
    assertThat(store.listTakes(TakeQuery.byAuthor(OTHER_GUILD, 5, ALL), 0, true, 10))
        .extracting(Take::messageId)
        .containsExactly(27L);
    assertThat(store.listTakes(article, 25, true, 10)).isEmpty();
  }

  @Test
  @DisplayName(
      "listings only ever return discussions and takes of the reader's channels, whatever the filter")
  void listingsStayWithinTheReadersChannels() {
    long staffChannel = CHANNEL + 1;
    long staffPost = 4_000;
    store.saveDiscussion(
        new Discussion(
            staffPost,
            GUILD,
            staffChannel,
            staffPost,
            "key-s",
            "Staff only",
            T0.plusSeconds(staffPost)));
    LongStream.rangeClosed(1, 6)
        .forEach(id -> store.insertTake(take(id, POST, 5, Label.NEGATIVE, -0.5)));
    LongStream.rangeClosed(7, 12)
        .forEach(id -> store.insertTake(take(id, staffPost, 5, Label.NEGATIVE, -0.5)));
    ChannelScope general = ChannelScope.only(List.of(CHANNEL, 99L));

    for (TakeQuery q :
        List.of(
            new TakeQuery(GUILD, null, null, null, general),
            new TakeQuery(GUILD, null, Label.NEGATIVE, null, general),
            TakeQuery.byAuthor(GUILD, 5, general),
            new TakeQuery(GUILD, null, Label.NEGATIVE, 5L, general))) {
      assertThat(store.listTakes(q, 0, true, 100))
          .as("%s", q)
          .extracting(Take::messageId)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(store.listTakes(q, Long.MAX_VALUE, false, 3))
          .as("%s", q)
          .extracting(Take::messageId)
          .containsExactly(4L, 5L, 6L);
    }
    assertThat(store.listTakes(new TakeQuery(GUILD, staffPost, null, null, general), 0, true, 100))
        .as("naming a hidden discussion does not open it")
        .isEmpty();
    assertThat(
            store.listTakes(
                new TakeQuery(GUILD, null, null, null, ChannelScope.none()), 0, true, 100))
        .isEmpty();
    assertThat(store.listTakes(new TakeQuery(GUILD, null, null, null, ALL), 0, true, 100))
        .hasSize(12);
    assertThat(
            store.listTakes(
                new TakeQuery(
                    GUILD, staffPost, null, null, ChannelScope.only(List.of(staffChannel))),
                0,
                true,
                100))
        .hasSize(6);

    assertThat(store.listDiscussions(GUILD, general, 10))
        .extracting(Discussion::postMessageId)
        .containsExactly(POST);
    assertThat(store.listDiscussions(GUILD, ChannelScope.none(), 10)).isEmpty();
    assertThat(store.listDiscussions(GUILD, ALL, 10))
        .extracting(Discussion::postMessageId)
        .containsExactly(staffPost, POST);
    assertThat(store.listDiscussions(GUILD, ChannelScope.only(List.of(staffChannel)), 1))
        .extracting(Discussion::postMessageId)
        .containsExactly(staffPost);
  }

  @Test
  @DisplayName("the re-tag cursor pages through outdated takes in message-id order")
  void retagCursor() {
    LongStream.rangeClosed(1, 25).forEach(id -> store.insertTake(take(id, 5)));
    store.retag(7, "take number 7", Label.NEUTRAL, 0, "v2");

    List<Long> seen = new ArrayList<>();
    long after = 0;
    int pages = 0;
    int n;
    do {
      List<Long> page = new ArrayList<>();
      n = store.forEachTakeWithVersionNot("v2", after, 10, t -> page.add(t.messageId()));
      seen.addAll(page);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1);
      }
      pages++;
    } while (n == 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(24).doesNotContain(7L).isSorted();
  }

  @Test
  @DisplayName(
      "answers a summary's aggregate reads (time span, counts per bucket, sample) exactly as a pass over every take would")
  void summaryReadsMatchAFullPass() {
    Random random = new Random(11);
    List<Take> batch = new ArrayList<>();
    for (long i = 0; i < 1_500; i++) {
      // mostly positive so that one label is sampled and another is kept whole; out-of-order times
      Label label =
          i % 10 == 0 ? Label.MIXED : random.nextInt(4) == 0 ? Label.NEUTRAL : Label.POSITIVE;
      batch.add(
          new Take(
              10_000 + i * 7,
              POST,
              POST,
              random.nextInt(50),
              "u",
              "take " + i,
              T0.plusSeconds(random.nextInt(86_400 * 3)),
              null,
              label,
              0.25,
              "v1"));
    }
    store.insertTakes(batch);
    store.insertTake(
        take(1, OTHER_POST, 1, Label.NEGATIVE, 0.1)); // another discussion: never counted
    store.deleteTake(batch.get(3).messageId());
    List<Take> all = new ArrayList<>();
    store.forEachTake(POST, all::add);

    long first = all.stream().mapToLong(t -> t.createdAt().toEpochMilli()).min().orElseThrow();
    long last = all.stream().mapToLong(t -> t.createdAt().toEpochMilli()).max().orElseThrow();
    assertThat(store.createdRange(POST))
        .hasValueSatisfying(
            r -> {
              assertThat(r.first()).isEqualTo(Instant.ofEpochMilli(first));
              assertThat(r.last()).isEqualTo(Instant.ofEpochMilli(last));
            });
    assertThat(store.createdRange(POST + 1)).isEmpty();

    long origin = first + 90_000;
    for (long width : new long[] {3_600_000, 7}) { // few buckets, counted per range; many, grouped
      Map<List<Object>, Long> expected = new HashMap<>();
      for (Take t : all) {
        long at = t.createdAt().toEpochMilli();
        if (at >= origin) {
          expected.merge(List.of((at - origin) / width, t.label()), 1L, Long::sum);
        }
      }
      Map<List<Object>, Long> counted = new HashMap<>();
      store.countByTimeBucket(
          POST,
          origin,
          width,
          (bucket, label, n) ->
              assertThat(counted.put(List.of(bucket, label), n)).as("reported once").isNull());
      assertThat(counted).as("width %d", width).isEqualTo(expected);
    }

    int perLabel = 200;
    Map<Label, Long> perLabelTotal = new EnumMap<>(Label.class);
    all.forEach(t -> perLabelTotal.merge(t.label(), 1L, Long::sum));
    Map<Label, Long> rank = new EnumMap<>(Label.class);
    List<Long> expectedSample = new ArrayList<>();
    for (Take t : all) {
      long r = rank.merge(t.label(), 1L, Long::sum) - 1;
      if (dev.takebot.takes.SummaryData.isSampled(r, perLabelTotal.get(t.label()), perLabel)) {
        expectedSample.add(t.messageId());
      }
    }
    List<Take> sample = new ArrayList<>();
    store.forEachSampledTake(POST, perLabel, sample::add);
    assertThat(sample).extracting(Take::messageId).containsExactlyElementsOf(expectedSample);
    assertThat(sample).filteredOn(t -> t.label() == Label.POSITIVE).hasSize(perLabel);
    assertThat(sample)
        .filteredOn(t -> t.label() == Label.MIXED)
        .hasSize(perLabelTotal.get(Label.MIXED).intValue());
    assertThat(sample)
        .allSatisfy(t -> assertThat(t).isEqualTo(store.findTake(t.messageId()).orElseThrow()));
  }

  @Test
  @DisplayName(
      "takes stream in message-id order whatever the insertion order; the last id is where backfill"
          + " resumes")
  void streamingOrder() {
    List<Long> ids =
        new ArrayList<>(LongStream.rangeClosed(1, 300).map(i -> i * 7).boxed().toList());
    Collections.shuffle(ids, new Random(1));
    List<Take> batch = ids.stream().map(id -> take(id, id % 11)).toList();

    assertThat(store.insertTakes(batch)).isEqualTo(300);
    assertThat(store.insertTakes(batch)).isZero();

    assertThat(all(POST)).extracting(Take::messageId).isSorted().hasSize(300);
    assertThat(store.lastTakeMessageId(POST)).isEqualTo(2_100);
    assertThat(store.lastTakeMessageId(OTHER_POST)).isZero();
    assertThat(store.stats(POST).members()).isEqualTo(11);
  }

  @Test
  @DisplayName("retention purges a guild's takes older than the cutoff and keeps the rest")
  void retentionPurge() {
    for (long id = 1; id <= 1_200; id++) {
      store.insertTake(take(id, POST, id % 4, Label.POSITIVE, 0.5));
    }
    store.insertTake(take(5_000, OTHER_POST, 1, Label.POSITIVE, 0.5));

    int purged = store.purgeOlderThan(GUILD, T0.plusMillis(1_001));

    assertThat(purged).isEqualTo(1_000);
    assertThat(store.stats(POST).takes()).isEqualTo(200);
    assertThat(all(POST).get(0).messageId()).isEqualTo(1_001);
    assertThat(store.stats(OTHER_POST).takes()).as("other guild untouched").isEqualTo(1);
    assertThat(store.purgeOlderThan(GUILD, T0.plusMillis(1_001))).isZero();
  }

  @Test
  @DisplayName("discussions are found by post, thread and article; saving one twice is harmless")
  void discussions() {
    Discussion again =
        new Discussion(3_000, GUILD, 10, 3_001, "key-a", "Title again", T0.plusSeconds(9_000));
    store.saveDiscussion(again);
    store.saveDiscussion(again);

    assertThat(store.findDiscussion(POST)).contains(discussion(POST, GUILD, "key-a"));
    assertThat(store.findDiscussionByThread(3_001)).contains(again);
    assertThat(store.findDiscussion(9)).isEmpty();
    assertThat(store.listDiscussions(GUILD, 10))
        .containsExactly(again, discussion(POST, GUILD, "key-a"));
    assertThat(store.listDiscussions(GUILD, 1)).containsExactly(again);
    assertThat(store.findDiscussionsByArticle("key-a"))
        .extracting(Discussion::postMessageId)
        .containsExactly(3_000L, POST);
    assertThat(store.stats(3_000).takes()).isZero();
  }

  @Test
  @DisplayName("everything stored is still there after the store is closed and opened again")
  void survivesRestart() throws Exception {
    store.insertTake(take(1, 5));
    store.correctLabel(1, Label.NEUTRAL, 3, T0);
    store.close();

    store = reopen();

    assertThat(store.findTake(1)).map(Take::label).contains(Label.NEUTRAL);
    assertThat(store.stats(POST).takes()).isEqualTo(1);
  }

  // --- privacy (#11)
  // ---------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "forget reports the bot's \"Share your take\" reposts among the member's deleted takes, with"
          + " their channels, so they can be deleted on Discord too")
  void forgetReportsSharedReposts() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(
        new Take(
            2, POST, 77, 5, "Ada", "shared through the modal", T0, null, Label.NEUTRAL, 0, "v1"),
        true);
    store.insertTake(take(3, POST, 6, Label.NEGATIVE, -0.5), true);
    store.insertTake(take(4, OTHER_POST, 5, Label.POSITIVE, 0.5), true);

    ForgetResult result = store.forget(GUILD, 5, 1_000);

    assertThat(result.takes()).isEqualTo(2);
    assertThat(result.reposts()).containsExactly(new ForgetResult.Repost(77, 2));
    assertThat(store.findTake(3)).as("another member's shared take").isPresent();
    assertThat(store.findTake(4)).as("the same member in another guild").isPresent();
    assertThat(store.forget(GUILD, 5, 1_000).reposts()).as("forgetting again").isEmpty();
  }

  @Test
  @DisplayName(
      "a shared take is flagged only when it was stored: a duplicate or forgotten message stays out")
  void sharedFlagFollowsTheInsert() {
    store.forgetAuthor(GUILD, 5, 1_000);

    assertThat(store.insertTake(take(10, POST, 5, Label.POSITIVE, 0.5), true)).isFalse();
    assertThat(store.insertTake(take(2_000, POST, 5, Label.POSITIVE, 0.5), true)).isTrue();
    assertThat(store.insertTake(take(2_000, POST, 5, Label.POSITIVE, 0.5), true)).isFalse();

    assertThat(store.forget(GUILD, 5, 3_000).reposts())
        .extracting(ForgetResult.Repost::messageId)
        .containsExactly(2_000L);
  }

  @Test
  @DisplayName(
      "stored guilds are every guild with discussions or forget requests, connected or not")
  void storedGuildsListsEveryGuild() {
    store.forgetAuthor(300, 5, 1_000);

    assertThat(store.storedGuilds()).containsExactlyInAnyOrder(GUILD, OTHER_GUILD, 300L);
  }

  @Test
  @DisplayName(
      "a departure is remembered across restarts with its first time, and a return cancels it")
  void departuresArePersisted() throws Exception {
    assertThat(store.markGuildDeparted(GUILD, T0)).isTrue();
    assertThat(store.markGuildDeparted(GUILD, T0.plusSeconds(60))).as("noticed again").isFalse();
    store.markGuildDeparted(OTHER_GUILD, T0.plusSeconds(5));
    store.close();
    store = reopen();

    assertThat(store.departedGuilds())
        .containsOnly(Map.entry(GUILD, T0), Map.entry(OTHER_GUILD, T0.plusSeconds(5)));
    assertThat(store.cancelGuildDeparture(GUILD)).isTrue();
    assertThat(store.cancelGuildDeparture(GUILD)).isFalse();
    assertThat(store.departedGuilds()).containsOnlyKeys(OTHER_GUILD);
  }

  @Test
  @DisplayName(
      "a departed guild is purged whole once its departure is old enough, and nothing else is")
  void purgeDepartedGuild() {
    long thirdPost = 3_000;
    store.saveDiscussion(
        discussion(thirdPost, GUILD, "key-b")); // same article as the other guild's post
    List<Take> many = new ArrayList<>();
    for (long id = 1; id <= 1_234; id++) {
      many.add(take(id, id % 2 == 0 ? POST : thirdPost, 5 + id % 7, Label.POSITIVE, 0.5));
    }
    store.insertTakes(many);
    store.correctLabel(2, Label.NEGATIVE, 1, T0);
    store.insertTake(take(5_000, OTHER_POST, 5, Label.POSITIVE, 0.5));
    store.forgetAuthor(GUILD, 99, 1_000);
    store.markGuildDeparted(GUILD, T0);

    assertThat(store.purgeDepartedGuild(GUILD, T0.minusSeconds(1)))
        .as("departed too recently")
        .isZero();
    assertThat(store.stats(POST).takes()).isEqualTo(617);
    assertThat(store.purgeDepartedGuild(OTHER_GUILD, T0)).as("never departed").isZero();

    assertThat(store.purgeDepartedGuild(GUILD, T0)).isEqualTo(1_234);

    assertThat(store.storedGuilds()).containsExactly(OTHER_GUILD);
    assertThat(store.findDiscussion(POST)).isEmpty();
    assertThat(store.findDiscussion(thirdPost)).isEmpty();
    assertThat(store.listDiscussions(GUILD, 10)).isEmpty();
    assertThat(store.stats(POST).takes()).isZero();
    assertThat(store.forgottenAuthors(GUILD)).isEmpty();
    assertThat(store.departedGuilds()).isEmpty();
    List<Correction> corrections = new ArrayList<>();
    store.forEachCorrection(GUILD, corrections::add);
    assertThat(corrections).isEmpty();
    assertThat(store.findDiscussionsByArticle("key-a")).isEmpty();
    assertThat(store.findDiscussionsByArticle("key-b"))
        .extracting(Discussion::postMessageId)
        .containsExactly(OTHER_POST);
    assertThat(all(OTHER_POST)).extracting(Take::messageId).containsExactly(5_000L);
    assertThat(store.stats(OTHER_POST).takes()).isEqualTo(1);
    // a post of the same article in the guild, were the bot re-added, starts from nothing
    store.saveDiscussion(discussion(POST, GUILD, "key-a"));
    assertThat(store.stats(POST).takes()).isZero();
  }

  @Test
  @DisplayName("a purge of a guild that re-added the bot deletes nothing")
  void purgeStopsWhenTheBotIsBack() {
    store.insertTake(take(1, 5));
    store.markGuildDeparted(GUILD, T0);
    store.cancelGuildDeparture(GUILD);

    assertThat(store.purgeDepartedGuild(GUILD, T0.plusSeconds(3_600))).isZero();
    assertThat(store.findTake(1)).isPresent();
  }

  // --- #11: no take lost, duplicated or stale
  // ---------------------------------------------------------

  /** Regression: replies to a post's first message (the video link) were not takes. */
  @Test
  @DisplayName(
      "a two-message post is found by either of its messages, and keeps its lead message id")
  void discussionFoundByEitherPostMessage() {
    long post = 3_002;
    long lead = 3_001;
    Discussion twoMessages =
        new Discussion(post, GUILD, 10, post, "key-v", "With video", T0, lead, null, null);
    store.saveDiscussion(twoMessages);

    assertThat(store.findDiscussionByPostMessage(lead)).contains(twoMessages);
    assertThat(store.findDiscussionByPostMessage(post)).contains(twoMessages);
    assertThat(store.findDiscussion(post)).map(Discussion::leadMessageId).contains(lead);
    assertThat(store.findDiscussionByPostMessage(POST))
        .as("a one-message post")
        .map(Discussion::postMessageId)
        .contains(POST);
    assertThat(store.findDiscussionByPostMessage(0)).as("0 means no lead message").isEmpty();
    assertThat(store.findDiscussionByPostMessage(3_003)).isEmpty();
  }

  /**
   * Regression: a live edit of a message whose row a backfill had not written yet was dropped, and
   * the backfill then wrote the older text it had read.
   */
  @Test
  @DisplayName(
      "an upsert keeps the newest version: a live edit stored first is not overwritten by older history")
  void upsertKeepsNewestVersion() {
    Take live =
        new Take(
            1,
            POST,
            10,
            5,
            "u5",
            "edited live",
            T0,
            T0.plusSeconds(60),
            Label.NEGATIVE,
            -0.5,
            "v1");
    Take olderPage =
        new Take(1, POST, 10, 5, "u5", "as first posted", T0, null, Label.POSITIVE, 0.5, "v1");
    Take editedPage =
        new Take(
            1, POST, 10, 5, "u5", "first edit", T0, T0.plusSeconds(30), Label.POSITIVE, 0.5, "v1");

    assertThat(store.upsertTake(live)).as("absent: inserted").isTrue();
    assertThat(store.upsertTake(olderPage)).as("never edited: older than any edit").isFalse();
    assertThat(store.upsertTake(editedPage)).as("an earlier edit").isFalse();
    assertThat(store.insertTake(olderPage)).isFalse();
    assertThat(store.upsertTake(live)).as("the same version again").isFalse();

    assertThat(store.findTake(1)).contains(live);
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(1);
    assertThat(stats.byLabel()).containsEntry(Label.NEGATIVE, 1L).containsEntry(Label.POSITIVE, 0L);
    assertThat(stats.scoreSum()).isEqualTo(-0.5);
  }

  @Test
  @DisplayName(
      "an upsert with a newer edit replaces the stored text and tag and moves the aggregates")
  void upsertReplacesOlderVersion() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    Take edited =
        new Take(
            1,
            POST,
            POST,
            5,
            "user5",
            "changed my mind",
            T0.plusMillis(1),
            T0.plusSeconds(60),
            Label.NEGATIVE,
            -0.75,
            "v1");

    assertThat(store.upsertTake(edited)).isTrue();

    assertThat(store.findTake(1)).contains(edited);
    assertThat(store.stats(POST).byLabel())
        .containsEntry(Label.POSITIVE, 0L)
        .containsEntry(Label.NEGATIVE, 1L);
    assertThat(store.stats(POST).members()).isEqualTo(1);
  }

  /**
   * Regression: the stored version's edit time was read with {@code wasNull()} asked of the column
   * read after it, so a never-edited take counted as edited at the epoch and an edit stamped then
   * was dropped.
   */
  @Test
  @DisplayName("a never-edited take is older than any edit, even one stamped at the epoch")
  void neverEditedIsOlderThanAnyEdit() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.insertTake(take(2, POST, 5, Label.POSITIVE, 0.5));
    Take atEpoch =
        new Take(
            1,
            POST,
            POST,
            5,
            "user5",
            "edited at the epoch",
            T0.plusMillis(1),
            Instant.EPOCH,
            Label.NEGATIVE,
            -0.5,
            "v1");

    assertThat(store.upsertTake(atEpoch)).isTrue();
    assertThat(
            store.updateTake(
                2, "edited before it", Instant.EPOCH.minusSeconds(1), Label.NEGATIVE, -0.5, "v1"))
        .isTrue();

    assertThat(store.findTake(1)).contains(atEpoch);
    assertThat(store.findTake(2).map(Take::text)).contains("edited before it");
  }

  @Test
  @DisplayName("an upsert never stores a message of a member who asked to be forgotten")
  void upsertHonoursForget() {
    store.forgetAuthor(GUILD, 5, 100);

    assertThat(
            store.upsertTake(
                new Take(
                    50,
                    POST,
                    10,
                    5,
                    "u5",
                    "edited",
                    T0,
                    T0.plusSeconds(1),
                    Label.NEUTRAL,
                    0,
                    "v1")))
        .isFalse();
    assertThat(store.findTake(50)).isEmpty();
    assertThat(store.stats(POST).takes()).isZero();
  }

  /**
   * Regression: a re-tag scored the old text and wrote its tag over an edit that landed meanwhile.
   */
  @Test
  @DisplayName("a re-tag is written only while the take still has the text it scored")
  void retagConditionalOnScoredText() {
    store.insertTake(take(1, POST, 5, Label.POSITIVE, 0.5));
    store.updateTake(1, "now I hate it", T0.plusSeconds(60), Label.NEGATIVE, -0.8, "v2");

    assertThat(store.retag(1, "take number 1", Label.POSITIVE, 0.9, "v3"))
        .as("scored the old text")
        .isFalse();

    Take t = store.findTake(1).orElseThrow();
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
    assertThat(t.score()).isEqualTo(-0.8);
    assertThat(t.analyzerVersion()).isEqualTo("v2");
    assertThat(store.stats(POST).byLabel())
        .containsEntry(Label.NEGATIVE, 1L)
        .containsEntry(Label.POSITIVE, 0L);
    assertThat(store.retag(1, "now I hate it", Label.MIXED, -0.1, "v3")).isTrue();
    assertThat(store.findTake(1)).map(Take::label).contains(Label.MIXED);
    assertThat(store.retag(99, "anything", Label.MIXED, 0, "v3")).isFalse();
  }

  // --- settings per server (#13) ---------------------------------------------------------------

  @Test
  @DisplayName("a server that never configured anything has no settings stored")
  void noSettingsByDefault() {
    assertThat(store.guildSettings(GUILD)).isEmpty();
  }

  @Test
  @DisplayName("a setting is stored per server, replaced by a later value and survives a restart")
  void settingsArePerServerAndDurable() throws Exception {
    store.saveGuildSetting(GUILD, "post_channel", "123456789012345678");
    store.saveGuildSetting(GUILD, "post_channel", "223456789012345678");
    store.saveGuildSetting(GUILD, "language", "fr");
    store.saveGuildSetting(OTHER_GUILD, "language", "en");

    store.close();
    store = reopen();

    assertThat(store.guildSettings(GUILD))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("post_channel", "223456789012345678", "language", "fr"));
    assertThat(store.guildSettings(OTHER_GUILD)).containsExactly(Map.entry("language", "en"));
  }

  @Test
  @DisplayName("saving null removes a setting, so the default applies again")
  void nullRemovesASetting() {
    store.saveGuildSetting(GUILD, "moderator_roles", "1,2");
    store.saveGuildSetting(GUILD, "moderator_roles", null);
    store.saveGuildSetting(GUILD, "never_set", null);

    assertThat(store.guildSettings(GUILD)).isEmpty();
  }

  @Test
  @DisplayName("a departed server's settings are purged with the rest of its data")
  void departedGuildLosesItsSettings() {
    store.saveGuildSetting(GUILD, "language", "fr");
    store.saveGuildSetting(OTHER_GUILD, "language", "en");
    store.markGuildDeparted(GUILD, T0);

    store.purgeDepartedGuild(GUILD, T0);

    assertThat(store.guildSettings(GUILD)).isEmpty();
    assertThat(store.guildSettings(OTHER_GUILD)).containsExactly(Map.entry("language", "en"));
  }

  // --- digests on the clock (#13)

  @Test
  @DisplayName(
      "a discussion is due for a digest on the clock only with takes since its last digest, and"
          + " only once that digest is old enough; the record survives a restart")
  void digestsAreDueOnlyWithSomethingNew() throws Exception {
    long post3 = 3_000;
    store.saveDiscussion(discussion(post3, GUILD, "key-c"));
    store.insertTake(take(10, 1));
    store.insertTake(take(11, OTHER_POST, 2, Label.POSITIVE, 0.5));
    Instant lastBy = T0.plusSeconds(3_600);

    assertThat(store.dueDigests(GUILD, lastBy, 0))
        .as("never had one, and a take came: due (the empty discussion is not)")
        .containsExactly(POST);
    assertThat(store.dueDigests(GUILD, lastBy, 10))
        .as("the only take is older than what a first digest counts as new")
        .isEmpty();

    store.recordDigest(POST, GUILD, T0);
    store.close();
    store = reopen();
    assertThat(store.dueDigests(GUILD, lastBy, 0)).as("nothing new since the last one").isEmpty();

    store.insertTake(take(12, 3));
    assertThat(store.dueDigests(GUILD, lastBy, 0)).as("a new take since").containsExactly(POST);
    assertThat(store.dueDigests(GUILD, T0.minusSeconds(1), 0))
        .as("the last digest is not old enough yet")
        .isEmpty();
    assertThat(store.dueDigests(OTHER_GUILD, T0.plusSeconds(1_999), 0))
        .as("the first digest comes N hours after the article was posted")
        .isEmpty();
    assertThat(store.dueDigests(OTHER_GUILD, lastBy, 0)).containsExactly(OTHER_POST);
  }

  @Test
  @DisplayName("digest records go with their discussion and with a departed server's data")
  void digestRecordsAreDeletedWithTheirData() {
    store.insertTake(take(10, 1));
    store.insertTake(take(11, OTHER_POST, 2, Label.POSITIVE, 0.5));
    Instant lastBy = T0.plusSeconds(3_600);
    store.recordDigest(POST, GUILD, lastBy.plusSeconds(1));
    store.recordDigest(OTHER_POST, OTHER_GUILD, lastBy.plusSeconds(1));

    store.deleteDiscussion(POST);
    store.saveDiscussion(discussion(POST, GUILD, "key-a"));
    store.insertTake(take(12, 1));
    store.markGuildDeparted(OTHER_GUILD, T0);
    store.purgeDepartedGuild(OTHER_GUILD, T0);
    store.saveDiscussion(discussion(OTHER_POST, OTHER_GUILD, "key-b"));
    store.insertTake(take(13, OTHER_POST, 2, Label.POSITIVE, 0.5));

    assertThat(store.dueDigests(GUILD, lastBy, 0))
        .as("a new discussion under a deleted one's id starts without a digest")
        .containsExactly(POST);
    assertThat(store.dueDigests(OTHER_GUILD, lastBy, 0)).containsExactly(OTHER_POST);
  }

  // --- leases (#13)

  private static final Duration LONG = Duration.ofMinutes(5);

  @Test
  @DisplayName("of two holders asking for the same lease at once, exactly one gets it")
  void onlyOneHolderAcquires() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> asks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String holder = "process-" + i;
        asks.add(pool.submit(() -> store.tryAcquire("retag", holder, LONG)));
      }
      int won = 0;
      for (Future<Boolean> ask : asks) {
        won += ask.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.tryAcquire("retag", "late", LONG)).as("while it is held").isFalse();
    assertThat(store.tryAcquire("digest", "late", LONG)).as("another lease").isTrue();
  }

  @Test
  @DisplayName("the holder asking again keeps its lease; a released lease goes to the next asker")
  void holderKeepsAndReleaseFrees() {
    assertThat(store.tryAcquire("retag", "a", LONG)).isTrue();
    assertThat(store.tryAcquire("retag", "a", LONG)).as("the holder again").isTrue();
    assertThat(store.release("retag", "b")).as("a non-holder releasing").isFalse();
    assertThat(store.tryAcquire("retag", "b", LONG)).isFalse();

    assertThat(store.release("retag", "a")).isTrue();

    assertThat(store.renew("retag", "a", LONG)).as("renewing after release").isFalse();
    assertThat(store.tryAcquire("retag", "b", LONG)).isTrue();
  }

  @Test
  @DisplayName("an expired lease goes to the next asker, and its old holder can no longer renew it")
  void expiryLetsAnotherTakeOver() throws Exception {
    assertThat(store.tryAcquire("retag", "a", Duration.ofMillis(50))).isTrue();

    Awaitility.await("b takes the expired lease")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> store.tryAcquire("retag", "b", LONG));

    assertThat(store.renew("retag", "a", LONG)).as("the old holder renewing").isFalse();
    assertThat(store.saveCursor("retag", "a", "stale")).as("the old holder's cursor").isFalse();
    assertThat(store.tryAcquire("retag", "a", LONG)).as("b's lease is live").isFalse();
    assertThat(store.renew("retag", "b", LONG)).isTrue();
  }

  @Test
  @DisplayName("renewing is for the holder only; a lease nobody took is nobody's to renew")
  void renewByNonHolderFails() {
    assertThat(store.renew("retag", "a", LONG)).as("no such lease").isFalse();
    assertThat(store.tryAcquire("retag", "a", LONG)).isTrue();

    assertThat(store.renew("retag", "b", LONG)).isFalse();
    assertThat(store.renew("retag", "a", LONG)).isTrue();
  }

  @Test
  @DisplayName("a job's cursor survives release and restart; only the holder moves it")
  void cursorPersistsAcrossReopen() throws Exception {
    assertThat(store.cursor("retag")).isEmpty();
    assertThat(store.tryAcquire("retag", "a", LONG)).isTrue();
    assertThat(store.saveCursor("retag", "a", "v2:1234")).isTrue();
    assertThat(store.saveCursor("retag", "b", "v2:9999")).as("a non-holder").isFalse();
    store.release("retag", "a");
    store.close();

    store = reopen();

    assertThat(store.cursor("retag")).contains("v2:1234");
    assertThat(store.tryAcquire("retag", "b", LONG)).isTrue();
    assertThat(store.saveCursor("retag", "b", null)).isTrue();
    assertThat(store.cursor("retag")).isEmpty();
  }
}
