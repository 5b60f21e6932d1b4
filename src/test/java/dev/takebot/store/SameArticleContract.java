package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.article.ArticleIdentity;
import dev.takebot.takes.Discussion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Finding a server's earlier discussion of the same article, on every engine: the store's query
 * finds exactly what {@link ArticleIdentity#sameAs} says, within one server, newest first, through
 * indexes.
 */
abstract class SameArticleContract {
  private static final Instant T0 = Instant.parse("2026-02-03T08:00:00Z");

  JdbcTakeStore store;

  abstract JdbcTakeStore openEmpty() throws Exception;

  /** A plain connection to the same database, for the query plans. */
  abstract Connection connect() throws Exception;

  /** What asks the database for the plan of the query that follows it. */
  abstract String explain();

  /** The column of the database's answer to {@link #explain} that holds a plan's lines. */
  abstract String planColumn();

  /** Whether a line of a plan reads all of {@code discussions}, or all of a server's. */
  abstract boolean scansDiscussions(String planLine);

  @BeforeEach
  void open() throws Exception {
    store = openEmpty();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Discussion discussion(long id, long guild, ArticleIdentity a, Instant at) {
    return new Discussion(
        id, guild, 10, id, a.textKey(), "Title " + id, at, 0, a.linkKey(), a.titleKey());
  }

  private Optional<Discussion> same(long guild, ArticleIdentity a) {
    return store.findSameArticle(guild, a.textKey(), a.linkKey(), a.titleKey());
  }

  /** Every combination of a text, a link or none, a dated title or none. */
  private static List<ArticleIdentity> identities() {
    List<ArticleIdentity> all = new ArrayList<>();
    for (String text : List.of("text-1", "text-2")) {
      for (String link : Arrays.asList(null, "link-1", "link-2")) {
        for (String title : Arrays.asList(null, "title-1", "title-2")) {
          all.add(new ArticleIdentity(text, link, title));
        }
      }
    }
    return all;
  }

  @Test
  @DisplayName("finds an earlier discussion exactly when the matching rule says it is the same")
  void followsTheRule() {
    List<ArticleIdentity> all = identities();
    for (int i = 0; i < all.size(); i++) {
      store.saveDiscussion(discussion(1_000 + i, 100 + i, all.get(i), T0));
    }
    for (int i = 0; i < all.size(); i++) {
      for (ArticleIdentity candidate : all) {
        assertThat(same(100 + i, candidate).isPresent())
            .as("stored %s, asked %s", all.get(i), candidate)
            .isEqualTo(all.get(i).sameAs(candidate));
      }
    }
  }

  @Test
  @DisplayName("looks in the one server only, and answers with its newest discussion of it")
  void perServerNewestFirst() {
    ArticleIdentity a = new ArticleIdentity("text", "link", "title");
    store.saveDiscussion(discussion(1, 7, a, T0));
    store.saveDiscussion(discussion(2, 7, a, T0.plusSeconds(60)));
    store.saveDiscussion(discussion(3, 8, a, T0.plusSeconds(120)));

    assertThat(same(7, a)).map(Discussion::postMessageId).contains(2L);
    assertThat(same(8, a)).map(Discussion::postMessageId).contains(3L);
    assertThat(same(9, a)).isEmpty();
    assertThat(same(7, a).orElseThrow())
        .isEqualTo(discussion(2, 7, a, T0.plusSeconds(60)))
        .as("the keys are stored and read back");
  }

  @Test
  @DisplayName(
      "lists a server's discussions of an article newest first, each once even when it matches"
          + " two ways, up to the limit")
  void listsEveryDiscussionOnce() {
    ArticleIdentity unlinked = new ArticleIdentity("text", null, "title");
    store.saveDiscussion(discussion(1, 7, unlinked, T0));
    store.saveDiscussion(discussion(2, 7, unlinked, T0.plusSeconds(60)));
    store.saveDiscussion(discussion(3, 8, unlinked, T0.plusSeconds(120)));

    assertThat(store.findSameArticles(7, "text", null, "title", 10))
        .extracting(Discussion::postMessageId)
        .containsExactly(2L, 1L);
    assertThat(store.findSameArticles(7, "text", null, "title", 1))
        .extracting(Discussion::postMessageId)
        .containsExactly(2L);
    assertThat(store.findSameArticles(9, "text", null, "title", 10)).isEmpty();
  }

  @Test
  @DisplayName("a discussion recorded without keys (before V13) is found by its text")
  void oldDiscussionsByText() {
    store.saveDiscussion(new Discussion(1, 7, 10, 1, "text", "Old", T0));
    assertThat(same(7, new ArticleIdentity("text", "link", "title"))).isPresent();
    assertThat(same(7, new ArticleIdentity("other", "link", "title"))).isEmpty();
  }

  @Test
  @DisplayName(
      "every way of being the same is an index lookup within the server, never a scan of its"
          + " discussions")
  void indexed() throws Exception {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO articles (article_key, title, first_posted_at) VALUES (?, 'T', 0)")) {
        for (int i = 1; i <= 5_000; i++) {
          ps.setString(1, "text-" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO discussions (post_message_id, guild_id, channel_id, thread_id,"
                  + " article_key, title, posted_at, lead_message_id, link_key, title_key)"
                  + " VALUES (?, 7, 10, ?, ?, 'T', ?, 0, ?, ?)")) {
        for (int i = 1; i <= 5_000; i++) {
          ps.setLong(1, i);
          ps.setLong(2, i);
          ps.setString(3, "text-" + i);
          ps.setLong(4, i);
          ps.setString(5, i % 3 == 0 ? null : "link-" + i);
          ps.setString(6, i % 2 == 0 ? null : "title-" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
      c.commit();
      for (boolean linked : List.of(true, false)) {
        for (boolean dated : List.of(true, false)) {
          List<Object> args = new ArrayList<>();
          for (String key : keys(linked, dated)) {
            args.add(7L);
            args.add(key);
          }
          List<String> plan = plan(c, JdbcTakeStore.sameArticleSql(linked, dated), args.toArray());
          assertThat(plan)
              .as("plan with a link: %s, with a date: %s", linked, dated)
              .isNotEmpty()
              .noneMatch(this::scansDiscussions);
        }
      }
    }
    // 4 by its link; 3 by its text (it has no link); not 5, whose title matches but link differs
    assertThat(same(7, new ArticleIdentity("text-3", "link-4", "title-5")))
        .map(Discussion::postMessageId)
        .contains(4L);
  }

  private static List<String> keys(boolean linked, boolean dated) {
    List<String> keys = new ArrayList<>();
    if (linked) {
      keys.add("link-4");
    }
    keys.add("text-3");
    if (dated) {
      keys.add("title-5");
    }
    return keys;
  }

  /** The query plan's lines for {@code sql} with {@code args}. */
  private List<String> plan(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(explain() + sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(planColumn()));
        }
        return out;
      }
    }
  }
}
