package dev.takebot.store;

import dev.takebot.feed.FeedStore;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Correction;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.ForgetResult;
import dev.takebot.takes.SummaryData;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeQuery;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link TakeRepository} over JDBC, identical SQL on SQLite and PostgreSQL.
 *
 * <p>Every change to a take updates the discussion's aggregate row ({@code discussion_stats}) and
 * the per-author count ({@code discussion_authors}) in the same transaction, so {@link #stats}
 * reads one row and the aggregates can never drift from the takes, even across a crash. Inserts are
 * idempotent ({@code ON CONFLICT DO NOTHING} on the message id), deletes remove the row and its
 * text. Obtain one from {@link Stores}.
 */
public final class JdbcTakeStore implements TakeRepository {
  /** Analyser version recorded on a take whose tag a moderator corrected. */
  public static final String MODERATOR = "moderator";

  static final String TAKE_COLUMNS =
      "message_id, post_message_id, channel_id, author_id, author_name,"
          + " body, created_at, edited_at, label, score, analyzer_version";
  private static final String DISCUSSION_COLUMNS =
      "post_message_id, guild_id, channel_id, thread_id, article_key, title, posted_at, lead_message_id,"
          + " link_key, title_key";

  private static final String DROP_AUTHOR =
      "UPDATE discussion_authors SET take_count = take_count - 1"
          + " WHERE post_message_id = ? AND author_id = ? RETURNING take_count";
  private static final String REMOVE_AUTHOR =
      "DELETE FROM discussion_authors WHERE post_message_id = ? AND author_id = ? AND take_count = 0";
  private static final String UPDATE_STATS = updateStatsSql();
  private static final String SELECT_STATS = selectStatsSql();
  private static final String DELETE_CORRECTION = "DELETE FROM corrections WHERE message_id = ?";
  private static final String DELETE_TAKE =
      "DELETE FROM takes WHERE message_id = ?"
          + " RETURNING post_message_id, author_id, label, score";
  private static final int CHUNK = 500;

  /** Takes per insert: twelve parameters each, within SQLite's oldest limit of 999. */
  private static final int INSERT_CHUNK = 64;

  /** Authors per upsert: three parameters each, within SQLite's oldest limit of 999. */
  private static final int AUTHOR_CHUNK = 256;

  /** Time buckets per label up to which one range count each beats a grouped query that sorts. */
  private static final long MAX_RANGE_COUNTS = 4_096;

  private final Database db;
  private final JdbcLeases leases;
  private final JdbcFeedStore feeds;

  JdbcTakeStore(Database db) {
    this.db = db;
    this.leases = new JdbcLeases(db);
    this.feeds = new JdbcFeedStore(db);
  }

  /** The feeds servers follow, in the same database. */
  public FeedStore feeds() {
    return feeds;
  }

  // --- discussions -----------------------------------------------------------------------------

  @Override
  public void saveDiscussion(Discussion d) {
    Objects.requireNonNull(d.articleKey(), "discussion articleKey");
    Objects.requireNonNull(d.title(), "discussion title");
    Objects.requireNonNull(d.postedAt(), "discussion postedAt");
    db.write(
        st -> {
          PreparedStatement article =
              st.get(
                  "INSERT INTO articles (article_key, title, first_posted_at)"
                      + " VALUES (?, ?, ?) ON CONFLICT (article_key) DO NOTHING");
          article.setString(1, d.articleKey());
          article.setString(2, d.title());
          article.setLong(3, d.postedAt().toEpochMilli());
          article.executeUpdate();
          PreparedStatement discussion =
              st.get(
                  "INSERT INTO discussions ("
                      + DISCUSSION_COLUMNS
                      + ")"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_message_id) DO NOTHING");
          discussion.setLong(1, d.postMessageId());
          discussion.setLong(2, d.guildId());
          discussion.setLong(3, d.channelId());
          discussion.setLong(4, d.threadId());
          discussion.setString(5, d.articleKey());
          discussion.setString(6, d.title());
          discussion.setLong(7, d.postedAt().toEpochMilli());
          discussion.setLong(8, d.leadMessageId());
          discussion.setString(9, d.linkKey());
          discussion.setString(10, d.titleKey());
          discussion.executeUpdate();
          PreparedStatement stats =
              st.get(
                  "INSERT INTO discussion_stats (post_message_id) VALUES (?)"
                      + " ON CONFLICT (post_message_id) DO NOTHING");
          stats.setLong(1, d.postMessageId());
          stats.executeUpdate();
          return null;
        });
  }

  @Override
  public boolean deleteDiscussion(long postMessageId) {
    return db.write(
        st -> {
          // Locked first on PostgreSQL: a take being inserted holds a key-share lock on this row,
          // so it either
          // commits before (and is deleted below) or fails on the foreign key after; none is left
          // orphaned.
          PreparedStatement lock =
              st.get(
                  "SELECT article_key FROM discussions WHERE post_message_id = ?"
                      + db.dialect().forUpdate());
          lock.setLong(1, postMessageId);
          String articleKey;
          try (ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
              return false;
            }
            articleKey = rs.getString(1);
          }
          // Children before parents, as the foreign keys require; the aggregates go with their
          // discussion,
          // so nothing needs adjusting.
          updateEach(
              st,
              postMessageId,
              "DELETE FROM corrections WHERE message_id IN"
                  + " (SELECT message_id FROM takes WHERE post_message_id = ?)",
              "DELETE FROM takes WHERE post_message_id = ?",
              "DELETE FROM discussion_authors WHERE post_message_id = ?",
              "DELETE FROM discussion_stats WHERE post_message_id = ?",
              "DELETE FROM digests WHERE post_message_id = ?",
              "DELETE FROM discussions WHERE post_message_id = ?");
          // The article row goes too when no other post of it remains. Locking it first means a
          // concurrent
          // post of the same article either commits first (and keeps the row) or waits and fails
          // its own
          // foreign key, never this transaction.
          PreparedStatement article =
              st.get("SELECT 1 FROM articles WHERE article_key = ?" + db.dialect().forUpdate());
          article.setString(1, articleKey);
          article.executeQuery().close();
          deleteOrphanArticle(st, articleKey);
          return true;
        });
  }

  @Override
  public Optional<Discussion> findDiscussion(long postMessageId) {
    return db.read(c -> firstDiscussion(c, "WHERE post_message_id = ?", postMessageId));
  }

  @Override
  public Optional<Discussion> findDiscussionByPostMessage(long messageId) {
    if (messageId == 0) {
      return Optional.empty(); // 0 marks "no lead message", never a message
    }
    return db.read(
        c -> {
          List<Discussion> found =
              discussions(
                  c,
                  "WHERE post_message_id = ? OR lead_message_id = ? LIMIT 1",
                  ps -> {
                    ps.setLong(1, messageId);
                    ps.setLong(2, messageId);
                  });
          return found.isEmpty() ? Optional.<Discussion>empty() : Optional.of(found.get(0));
        });
  }

  @Override
  public Optional<Discussion> findDiscussionByThread(long threadId) {
    return db.read(
        c -> firstDiscussion(c, "WHERE thread_id = ? ORDER BY posted_at DESC", threadId));
  }

  @Override
  public List<Discussion> listDiscussions(long guildId, int limit) {
    return db.read(
        c ->
            discussions(
                c,
                "WHERE guild_id = ? ORDER BY posted_at DESC, post_message_id DESC" + " LIMIT ?",
                ps -> {
                  ps.setLong(1, guildId);
                  ps.setInt(2, Math.max(0, limit));
                }));
  }

  @Override
  public List<Discussion> listDiscussions(long guildId, ChannelScope scope, int limit) {
    Objects.requireNonNull(scope, "scope");
    if (scope.everyChannel()) {
      return listDiscussions(guildId, limit);
    }
    if (scope.isEmpty()) {
      return List.of();
    }
    List<Long> channels = scope.channelIds().stream().sorted().toList();
    // discussions_by_guild walked newest first; the channel test filters rows on the way
    return db.read(
        c ->
            discussions(
                c,
                "WHERE guild_id = ? AND channel_id IN ("
                    + PageQuery.placeholders(channels.size())
                    + ") ORDER BY posted_at DESC, post_message_id DESC LIMIT ?",
                ps -> {
                  int i = 1;
                  ps.setLong(i++, guildId);
                  for (long ch : channels) {
                    ps.setLong(i++, ch);
                  }
                  ps.setInt(i, Math.max(0, limit));
                }));
  }

  @Override
  public List<Discussion> findDiscussionsByArticle(String articleKey) {
    return db.read(
        c ->
            discussions(
                c,
                "WHERE article_key = ? ORDER BY posted_at DESC, post_message_id DESC",
                ps -> ps.setString(1, articleKey)));
  }

  @Override
  public Optional<Discussion> findSameArticle(
      long guildId, String articleKey, String linkKey, String titleKey) {
    return findSameArticles(guildId, articleKey, linkKey, titleKey, 1).stream().findFirst();
  }

  @Override
  public List<Discussion> findSameArticles(
      long guildId, String articleKey, String linkKey, String titleKey, int limit) {
    Objects.requireNonNull(articleKey, "articleKey");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<String> keys = new ArrayList<>();
    if (linkKey != null) {
      keys.add(linkKey);
    }
    keys.add(articleKey);
    if (titleKey != null) {
      keys.add(titleKey);
    }
    String sql = sameArticleSql(linkKey != null, titleKey != null, limit);
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String key : keys) {
              ps.setLong(i++, guildId);
              ps.setString(i++, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
              List<Discussion> found = new ArrayList<>();
              while (rs.next()) {
                Discussion d = discussion(rs);
                if (!found.contains(d)) { // matched two ways (its text and its dated title)
                  found.add(d);
                }
              }
              return found;
            }
          }
        });
  }

  /**
   * The query of {@link #findSameArticle}: one indexed lookup within the server per way of being
   * the same (link, text, dated title), each bound as (guild id, key) in that order. With a link,
   * rows with another link are other articles, so the text and the dated title count only against
   * rows that have none.
   */
  static String sameArticleSql(boolean linked, boolean dated) {
    return sameArticleSql(linked, dated, 1);
  }

  static String sameArticleSql(boolean linked, boolean dated, int limit) {
    String unlinked = linked ? " AND link_key IS NULL" : "";
    List<String> ways = new ArrayList<>();
    if (linked) {
      ways.add("link_key = ?");
    }
    ways.add("article_key = ?" + unlinked);
    if (dated) {
      ways.add("title_key = ?" + unlinked);
    }
    return String.join(
            " UNION ALL ",
            ways.stream()
                .map(
                    w ->
                        "SELECT "
                            + DISCUSSION_COLUMNS
                            + " FROM discussions WHERE guild_id = ? AND "
                            + w)
                .toList())
        + " ORDER BY posted_at DESC, post_message_id DESC LIMIT "
        + limit;
  }

  private static Optional<Discussion> firstDiscussion(Connection c, String where, long id)
      throws SQLException {
    List<Discussion> found = discussions(c, where + " LIMIT 1", ps -> ps.setLong(1, id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Discussion> discussions(Connection c, String where, Binder binder)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + DISCUSSION_COLUMNS + " FROM discussions " + where)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<Discussion> out = new ArrayList<>();
        while (rs.next()) {
          out.add(discussion(rs));
        }
        return out;
      }
    }
  }

  /** The discussion in the current row of a query that selects {@link #DISCUSSION_COLUMNS}. */
  private static Discussion discussion(ResultSet rs) throws SQLException {
    return new Discussion(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10));
  }

  /** Inserts queued for the next shared commit; lets tests line up a batch. */
  int queuedInserts() {
    return db.groupCommit().waiting();
  }

  // --- inserts -----------------------------------------------------------------------------------

  @Override
  public boolean insertTake(Take take) {
    return insertTake(take, false);
  }

  @Override
  public boolean insertTake(Take take, boolean viaShare) {
    validate(take);
    // Live takes arrive one by one from every shard at once: they share commits, and a shared
    // commit writes all of its takes with one statement (queued until the commit, see TakeTally).
    return db.writeShared(st -> st.deferred(TakeTally.class, TakeTally::new).queue(take, viaShare))
        .inserted();
  }

  @Override
  public int insertTakes(List<Take> takes) {
    takes.forEach(JdbcTakeStore::validate);
    if (takes.isEmpty()) {
      return 0;
    }
    List<Queued> queued =
        db.write(
            st -> {
              TakeTally tally = st.deferred(TakeTally.class, TakeTally::new);
              List<Queued> each = new ArrayList<>(takes.size());
              for (Take t : takes) {
                each.add(tally.queue(t, false));
              }
              return each;
            });
    int inserted = 0;
    for (Queued q : queued) {
      if (q.inserted()) {
        inserted++;
      }
    }
    return inserted;
  }

  private static void validate(Take t) {
    Objects.requireNonNull(t, "take");
    Objects.requireNonNull(t.authorName(), "take authorName");
    Objects.requireNonNull(t.text(), "take text");
    Objects.requireNonNull(t.createdAt(), "take createdAt");
    Objects.requireNonNull(t.label(), "take label");
    Objects.requireNonNull(t.analyzerVersion(), "take analyzerVersion");
  }

  /** Inserts one take now (its counts still wait for the commit); whether it was stored. */
  private static boolean insert(Statements st, Take t) throws SQLException {
    TakeTally tally = st.deferred(TakeTally.class, TakeTally::new);
    Queued q = tally.queue(t, false);
    tally.insertQueued(st);
    return q.inserted();
  }

  private static StoreException unknownDiscussion(Take t) {
    return new StoreException(
        "take "
            + t.messageId()
            + " belongs to unknown discussion "
            + t.postMessageId()
            + ": save the discussion first");
  }

  private static boolean discussionExists(Statements st, long postMessageId) throws SQLException {
    PreparedStatement ps = st.get("SELECT 1 FROM discussions WHERE post_message_id = ?");
    ps.setLong(1, postMessageId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Takes a transaction inserts and counts just before it commits. Queued takes are written with
   * one multi-row insert per {@link #INSERT_CHUNK} takes (on PostgreSQL one round trip for a whole
   * shared commit instead of one per take); then everything the transaction inserted is counted
   * into its discussions' aggregates: one upsert of author counts and one update of the counts per
   * discussion, however many takes.
   */
  private static final class TakeTally implements Statements.Deferred {
    // Sorted: every transaction locks the aggregate rows in the same order, so two processes
    // never deadlock over them.
    private final Map<Long, List<Take>> byPost = new TreeMap<>();

    /** Insertion order; the first of two queued takes with one message id is the one stored. */
    private final Map<Long, Queued> queued = new LinkedHashMap<>();

    /** Counts a take the transaction already inserted. */
    void add(Take t) {
      byPost.computeIfAbsent(t.postMessageId(), k -> new ArrayList<>()).add(t);
    }

    /** Queues a take to insert before the commit; the handle tells, after it, whether it was. */
    Queued queue(Take t, boolean viaShare) {
      Queued q = new Queued(t, viaShare);
      if (queued.putIfAbsent(t.messageId(), q) != null) {
        q.inserted = false; // as if inserted one after the other: the later one is a duplicate
      }
      return q;
    }

    @Override
    public void flush(Statements st) throws SQLException {
      insertQueued(st);
      for (Map.Entry<Long, List<Take>> e : byPost.entrySet()) {
        long post = e.getKey();
        List<Take> takes = e.getValue();
        Map<Long, Integer> perAuthor = new TreeMap<>();
        for (Take t : takes) {
          perAuthor.merge(t.authorId(), 1, Integer::sum);
        }
        StatsDelta delta = new StatsDelta(takes.size(), bumpAuthors(st, post, perAuthor));
        for (Take t : takes) {
          delta.add(t.label(), 1, t.score());
        }
        delta.apply(st, post);
      }
    }

    void insertQueued(Statements st) throws SQLException {
      List<Queued> rows = new ArrayList<>(queued.values());
      queued.clear();
      for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
        List<Queued> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
        PreparedStatement ps = st.get(insertTakesSql(chunk.size()));
        int i = 1;
        for (Queued q : chunk) {
          i = q.bind(ps, i);
        }
        Set<Long> stored = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.add(rs.getLong(1));
          }
        }
        Set<Long> checkedPosts = new HashSet<>();
        for (Queued q : chunk) {
          q.inserted = stored.contains(q.take.messageId());
          if (q.inserted) {
            add(q.take);
          } else if (checkedPosts.add(q.take.postMessageId())
              && !discussionExists(st, q.take.postMessageId())) {
            throw unknownDiscussion(q.take);
          }
          // otherwise a duplicate event, or a message its author asked to be forgotten
        }
      }
    }

    /**
     * @return how many of the authors had no take in the discussion before
     */
    private static int bumpAuthors(Statements st, long post, Map<Long, Integer> perAuthor)
        throws SQLException {
      List<Map.Entry<Long, Integer>> rows = new ArrayList<>(perAuthor.entrySet());
      int newMembers = 0;
      for (int from = 0; from < rows.size(); from += AUTHOR_CHUNK) {
        List<Map.Entry<Long, Integer>> chunk =
            rows.subList(from, Math.min(rows.size(), from + AUTHOR_CHUNK));
        PreparedStatement ps = st.get(bumpAuthorsSql(chunk.size()));
        int i = 1;
        for (Map.Entry<Long, Integer> row : chunk) {
          ps.setLong(i++, post);
          ps.setLong(i++, row.getKey());
          ps.setInt(i++, row.getValue());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            // A row whose count is what this added did not exist: counts of 0 are deleted.
            if (rs.getLong(2) == perAuthor.get(rs.getLong(1))) {
              newMembers++;
            }
          }
        }
      }
      return newMembers;
    }
  }

  /** A take queued for a transaction's multi-row insert; resolved when the insert ran. */
  private static final class Queued {
    private final Take take;
    private final int viaShare;
    private Boolean inserted;

    Queued(Take take, boolean viaShare) {
      this.take = take;
      this.viaShare = viaShare ? 1 : 0;
    }

    /** Binds this take's values row from parameter {@code i}; the next free index. */
    int bind(PreparedStatement ps, int i) throws SQLException {
      Take t = take;
      ps.setLong(i++, t.messageId());
      ps.setLong(i++, t.postMessageId());
      ps.setLong(i++, t.channelId());
      ps.setLong(i++, t.authorId());
      ps.setString(i++, t.authorName());
      ps.setString(i++, t.text());
      ps.setLong(i++, t.createdAt().toEpochMilli());
      if (t.editedAt() == null) {
        ps.setNull(i++, Types.BIGINT);
      } else {
        ps.setLong(i++, t.editedAt().toEpochMilli());
      }
      ps.setString(i++, t.label().name());
      ps.setDouble(i++, t.score());
      ps.setString(i++, t.analyzerVersion());
      ps.setInt(i++, viaShare);
      return i;
    }

    /** Whether the take was stored; known once its transaction wrote its queued takes. */
    boolean inserted() {
      if (inserted == null) {
        throw new IllegalStateException("take " + take.messageId() + " was queued but not written");
      }
      return inserted;
    }
  }

  /**
   * Inserts {@code rows} takes from a list of values (columns {@code column1}… on both engines),
   * each only when its discussion exists and its author did not ask for it to be forgotten (a
   * replayed event or a backfill must never undo /takes forget); returns the ids stored.
   */
  private static String insertTakesSql(int rows) {
    return "INSERT INTO takes (message_id, post_message_id, guild_id, channel_id, author_id,"
        + " author_name, body, created_at, edited_at, label, score, analyzer_version, corrected,"
        + " via_share)"
        + " SELECT v.column1, d.post_message_id, d.guild_id, v.column3, v.column4, v.column5,"
        + " v.column6, v.column7, v.column8, v.column9, v.column10, v.column11, 0, v.column12"
        + " FROM (VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        + ") AS v JOIN discussions d ON d.post_message_id = v.column2"
        + " WHERE NOT EXISTS (SELECT 1 FROM forgotten_authors f WHERE f.guild_id = d.guild_id"
        + " AND f.author_id = v.column4 AND f.up_to_message_id >= v.column1)"
        + " ON CONFLICT (message_id) DO NOTHING RETURNING message_id";
  }

  private static String bumpAuthorsSql(int rows) {
    return "INSERT INTO discussion_authors (post_message_id, author_id, take_count) VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?)"))
        + " ON CONFLICT (post_message_id, author_id) DO UPDATE"
        + " SET take_count = discussion_authors.take_count + excluded.take_count"
        + " RETURNING author_id, take_count";
  }

  /**
   * @return -1 when that was the author's last take in the discussion
   */
  private static int dropAuthor(Statements st, long post, long author) throws SQLException {
    PreparedStatement ps = st.get(DROP_AUTHOR);
    ps.setLong(1, post);
    ps.setLong(2, author);
    long left;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new StoreException(
            "aggregates out of step: no author count for " + author + " in " + post);
      }
      left = rs.getLong(1);
    }
    if (left > 0) {
      return 0;
    }
    PreparedStatement remove = st.get(REMOVE_AUTHOR);
    remove.setLong(1, post);
    remove.setLong(2, author);
    remove.executeUpdate();
    return -1;
  }

  // --- edits, re-tags, corrections
  // -----------------------------------------------------------------

  @Override
  public boolean updateTake(
      long messageId,
      String text,
      Instant editedAt,
      Label label,
      double score,
      String analyzerVersion) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(analyzerVersion, "analyzerVersion");
    return db.write(
        st -> {
          Current cur = current(st, messageId);
          if (cur == null) {
            return false;
          }
          if (editedAt != null
              && cur.editedAtMillis != null
              && editedAt.toEpochMilli() < cur.editedAtMillis) {
            return false; // a stale edit (backfill read an older version): the newer text stays
          }
          replace(st, cur, messageId, text, editedAt, label, score, analyzerVersion);
          return true;
        });
  }

  @Override
  public boolean upsertTake(Take take) {
    validate(take);
    return db.write(
        st -> {
          if (insert(st, take)) {
            return true;
          }
          // The row exists (or its author asked to be forgotten, and then there is no row either).
          // Locked
          // before comparing, so a concurrent edit on PostgreSQL is compared with what it wrote.
          Current cur = current(st, take.messageId());
          if (cur == null
              || take.editedAt() == null
              || (cur.editedAtMillis != null
                  && take.editedAt().toEpochMilli() <= cur.editedAtMillis)) {
            return false; // the stored version is as new or newer
          }
          replace(
              st,
              cur,
              take.messageId(),
              take.text(),
              take.editedAt(),
              take.label(),
              take.score(),
              take.analyzerVersion());
          return true;
        });
  }

  private static void replace(
      Statements st,
      Current cur,
      long messageId,
      String text,
      Instant editedAt,
      Label label,
      double score,
      String analyzerVersion)
      throws SQLException {
    Label newLabel = cur.corrected ? cur.label : label;
    PreparedStatement ps =
        st.get(
            "UPDATE takes SET body = ?, edited_at = ?, label = ?, score = ?,"
                + " analyzer_version = ? WHERE message_id = ?");
    ps.setString(1, text);
    if (editedAt == null) {
      ps.setNull(2, Types.BIGINT);
    } else {
      ps.setLong(2, editedAt.toEpochMilli());
    }
    ps.setString(3, newLabel.name());
    ps.setDouble(4, score);
    ps.setString(5, cur.corrected ? MODERATOR : analyzerVersion);
    ps.setLong(6, messageId);
    ps.executeUpdate();
    retagStats(st, cur, newLabel, score);
  }

  @Override
  public boolean retag(
      long messageId, String scoredText, Label label, double score, String analyzerVersion) {
    Objects.requireNonNull(scoredText, "scoredText");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(analyzerVersion, "analyzerVersion");
    return db.write(
        st -> {
          Current cur = current(st, messageId);
          if (cur == null) {
            return false;
          }
          Label newLabel = cur.corrected ? cur.label : label;
          // Conditional on the text that was scored: an edit since then tagged the new text on its
          // own path.
          PreparedStatement ps =
              st.get(
                  "UPDATE takes SET label = ?, score = ?, analyzer_version = ?"
                      + " WHERE message_id = ? AND body = ?");
          ps.setString(1, newLabel.name());
          ps.setDouble(2, score);
          ps.setString(3, cur.corrected ? MODERATOR : analyzerVersion);
          ps.setLong(4, messageId);
          ps.setString(5, scoredText);
          if (ps.executeUpdate() == 0) {
            return false;
          }
          retagStats(st, cur, newLabel, score);
          return true;
        });
  }

  @Override
  public void correctLabel(long messageId, Label label, long moderatorId, Instant at) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(at, "at");
    boolean found =
        db.write(
            st -> {
              Current cur = current(st, messageId);
              if (cur == null) {
                return false;
              }
              // previous_label keeps the analyser's reading when a take is corrected twice.
              PreparedStatement corr =
                  st.get(
                      "INSERT INTO corrections (message_id, guild_id, label, previous_label,"
                          + " moderator_id, corrected_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE"
                          + " SET label = excluded.label, moderator_id = excluded.moderator_id,"
                          + " corrected_at = excluded.corrected_at");
              corr.setLong(1, messageId);
              corr.setLong(2, cur.guildId);
              corr.setString(3, label.name());
              corr.setString(4, cur.label.name());
              corr.setLong(5, moderatorId);
              corr.setLong(6, at.toEpochMilli());
              corr.executeUpdate();
              PreparedStatement ps =
                  st.get(
                      "UPDATE takes SET label = ?, analyzer_version = ?, corrected = 1"
                          + " WHERE message_id = ?");
              ps.setString(1, label.name());
              ps.setString(2, MODERATOR);
              ps.setLong(3, messageId);
              ps.executeUpdate();
              retagStats(st, cur, label, cur.score);
              return true;
            });
    if (!found) {
      throw new IllegalArgumentException(
          "no take " + messageId + " to correct: it may have been deleted");
    }
  }

  /** The stored tag of a take, locked for update on PostgreSQL, or null when it does not exist. */
  private Current current(Statements st, long messageId) throws SQLException {
    PreparedStatement ps =
        st.get(
            "SELECT post_message_id, guild_id, label, score, corrected, edited_at FROM takes"
                + " WHERE message_id = ?"
                + db.dialect().forUpdate());
    ps.setLong(1, messageId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long edited = rs.getLong(6);
      Long editedAt = rs.wasNull() ? null : edited; // wasNull() speaks of the column read last
      return new Current(
          rs.getLong(1),
          rs.getLong(2),
          Label.valueOf(rs.getString(3)),
          rs.getDouble(4),
          rs.getInt(5) != 0,
          editedAt);
    }
  }

  private static void retagStats(Statements st, Current cur, Label newLabel, double newScore)
      throws SQLException {
    StatsDelta delta = new StatsDelta(0, 0);
    delta.add(cur.label, -1, cur.score);
    delta.add(newLabel, 1, newScore);
    if (!delta.isZero()) {
      delta.apply(st, cur.postMessageId);
    }
  }

  private record Current(
      long postMessageId,
      long guildId,
      Label label,
      double score,
      boolean corrected,
      Long editedAtMillis) {}

  // --- deletes -----------------------------------------------------------------------------------

  @Override
  public boolean deleteTake(long messageId) {
    return db.write(
        st -> {
          return delete(st, messageId);
        });
  }

  @Override
  public int deleteTakes(Collection<Long> messageIds) {
    // Sorted so that concurrent bulk deletes on PostgreSQL lock rows in the same order.
    TreeSet<Long> ids = new TreeSet<>(messageIds);
    if (ids.isEmpty()) {
      return 0;
    }
    return db.write(st -> count(st, ids, JdbcTakeStore::delete));
  }

  private static boolean delete(Statements st, long messageId) throws SQLException {
    PreparedStatement corr = st.get(DELETE_CORRECTION);
    corr.setLong(1, messageId);
    corr.executeUpdate();
    PreparedStatement ps = st.get(DELETE_TAKE);
    ps.setLong(1, messageId);
    long post;
    long author;
    Label label;
    double score;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return false;
      }
      post = rs.getLong(1);
      author = rs.getLong(2);
      label = Label.valueOf(rs.getString(3));
      score = rs.getDouble(4);
    }
    int goneMember = dropAuthor(st, post, author);
    StatsDelta delta = new StatsDelta(-1, goneMember);
    delta.add(label, -1, score);
    delta.apply(st, post);
    return true;
  }

  @Override
  public int forgetAuthor(long guildId, long authorId) {
    return forgetAuthor(guildId, authorId, 0);
  }

  @Override
  public int forgetAuthor(long guildId, long authorId, long upToMessageId) {
    return forget(guildId, authorId, upToMessageId).takes();
  }

  @Override
  public ForgetResult forget(long guildId, long authorId, long upToMessageId) {
    ForgetResult result = forgetInOneTransaction(guildId, authorId, upToMessageId);
    if (result.takes() > 0) {
      db.scrubDeletedText();
    }
    return result;
  }

  private ForgetResult forgetInOneTransaction(long guildId, long authorId, long upToMessageId) {
    // One transaction: the member's confirmation means all of them are gone, not some, and
    // remembered.
    return db.write(
        st -> {
          if (upToMessageId > 0) {
            PreparedStatement remember =
                st.get(
                    "INSERT INTO forgotten_authors (guild_id, author_id, up_to_message_id)"
                        + " VALUES (?, ?, ?) ON CONFLICT (guild_id, author_id) DO UPDATE SET up_to_message_id ="
                        + " CASE WHEN excluded.up_to_message_id > forgotten_authors.up_to_message_id"
                        + " THEN excluded.up_to_message_id ELSE forgotten_authors.up_to_message_id END");
            remember.setLong(1, guildId);
            remember.setLong(2, authorId);
            remember.setLong(3, upToMessageId);
            remember.executeUpdate();
          }
          int deleted = 0;
          List<ForgetResult.Repost> reposts = new ArrayList<>();
          int chunk;
          do {
            // Read with the rows they delete: a repost shared meanwhile is either listed here or
            // not deleted.
            List<ForgetResult.Repost> rows = new ArrayList<>();
            PreparedStatement ps =
                st.get(
                    "SELECT message_id, channel_id, via_share FROM takes"
                        + " WHERE guild_id = ? AND author_id = ? ORDER BY message_id LIMIT "
                        + CHUNK);
            ps.setLong(1, guildId);
            ps.setLong(2, authorId);
            List<Long> shared = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(new ForgetResult.Repost(rs.getLong(2), rs.getLong(1)));
                if (rs.getInt(3) != 0) {
                  shared.add(rs.getLong(1));
                }
              }
            }
            for (ForgetResult.Repost row : rows) {
              if (delete(st, row.messageId())) {
                deleted++;
                if (shared.contains(row.messageId())) {
                  reposts.add(row);
                }
              }
            }
            chunk = rows.size();
          } while (chunk == CHUNK);
          return new ForgetResult(deleted, reposts);
        });
  }

  @Override
  public Map<Long, Long> forgottenAuthors(long guildId) {
    return pairs(
        "SELECT author_id, up_to_message_id FROM forgotten_authors WHERE guild_id = ?",
        ResultSet::getLong,
        ResultSet::getLong,
        guildId);
  }

  // --- departed guilds and whole-store retention (#11)
  // ------------------------------------------------

  @Override
  public Set<Long> storedGuilds() {
    return db.read(
        c -> {
          // Every take belongs to a discussion of the same guild, so discussions cover takes and
          // corrections.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT guild_id FROM discussions"
                      + " UNION SELECT guild_id FROM forgotten_authors")) {
            return longs(ps, new TreeSet<>());
          }
        });
  }

  @Override
  public boolean markGuildDeparted(long guildId, Instant at) {
    Objects.requireNonNull(at, "at");
    return db.write(
        st -> {
          // The first sighting counts: a restart that notices the guild missing again must not
          // reset the clock.
          PreparedStatement ps =
              st.get(
                  "INSERT INTO departed_guilds (guild_id, departed_at) VALUES (?, ?)"
                      + " ON CONFLICT (guild_id) DO NOTHING");
          ps.setLong(1, guildId);
          ps.setLong(2, at.toEpochMilli());
          return ps.executeUpdate() > 0;
        });
  }

  @Override
  public boolean cancelGuildDeparture(long guildId) {
    return db.write(
        st -> {
          PreparedStatement ps = st.get("DELETE FROM departed_guilds WHERE guild_id = ?");
          ps.setLong(1, guildId);
          return ps.executeUpdate() > 0;
        });
  }

  @Override
  public Map<Long, Instant> departedGuilds() {
    return pairs(
        "SELECT guild_id, departed_at FROM departed_guilds",
        ResultSet::getLong,
        (rs, column) -> Instant.ofEpochMilli(rs.getLong(column)));
  }

  @Override
  public int purgeDepartedGuild(long guildId, Instant departedBy) {
    Objects.requireNonNull(departedBy, "departedBy");
    // Takes first, a chunk per transaction like purgeOlderThan, each with the aggregates kept
    // exact; then
    // the guild's remaining rows in one last transaction. Every chunk re-checks the departure, so a
    // re-added bot stops the purge between two chunks.
    int deleted = 0;
    boolean purged;
    while (true) {
      PurgeStep step =
          db.write(
              st -> {
                if (!departedBy(st, guildId, departedBy)) {
                  return new PurgeStep(0, false, true);
                }
                List<Long> chunk =
                    ids(
                        st,
                        "SELECT message_id FROM takes WHERE guild_id = ? ORDER BY message_id"
                            + " LIMIT "
                            + CHUNK,
                        guildId);
                int n = count(st, chunk, JdbcTakeStore::delete);
                if (chunk.size() == CHUNK) {
                  return new PurgeStep(n, false, false);
                }
                deleteGuildRows(st, guildId);
                return new PurgeStep(n, true, false);
              });
      deleted += step.takes();
      if (step.done() || step.cancelled()) {
        purged = step.done();
        break;
      }
    }
    if (deleted > 0 || purged) {
      db.scrubDeletedText();
    }
    return deleted;
  }

  private record PurgeStep(int takes, boolean done, boolean cancelled) {}

  private static boolean departedBy(Statements st, long guildId, Instant by) throws SQLException {
    PreparedStatement ps =
        st.get("SELECT 1 FROM departed_guilds WHERE guild_id = ? AND departed_at <= ?");
    ps.setLong(1, guildId);
    ps.setLong(2, by.toEpochMilli());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Everything of a guild that has no takes left, children before parents as the foreign keys
   * require.
   */
  private static void deleteGuildRows(Statements st, long guildId) throws SQLException {
    List<String> articleKeys = new ArrayList<>();
    PreparedStatement keys =
        st.get("SELECT DISTINCT article_key FROM discussions WHERE guild_id = ?");
    keys.setLong(1, guildId);
    try (ResultSet rs = keys.executeQuery()) {
      while (rs.next()) {
        articleKeys.add(rs.getString(1));
      }
    }
    updateEach(
        st,
        guildId,
        "DELETE FROM corrections WHERE guild_id = ?",
        "DELETE FROM discussion_authors WHERE post_message_id IN"
            + " (SELECT post_message_id FROM discussions WHERE guild_id = ?)",
        "DELETE FROM discussion_stats WHERE post_message_id IN"
            + " (SELECT post_message_id FROM discussions WHERE guild_id = ?)",
        "DELETE FROM discussions WHERE guild_id = ?",
        "DELETE FROM forgotten_authors WHERE guild_id = ?",
        "DELETE FROM guild_settings WHERE guild_id = ?",
        "DELETE FROM digests WHERE guild_id = ?",
        // The feeds it followed, and all they remember: nobody reads them for it any more.
        "DELETE FROM feed_items WHERE feed_id IN (SELECT id FROM feeds WHERE guild_id = ?)",
        "DELETE FROM feeds WHERE guild_id = ?",
        "DELETE FROM departed_guilds WHERE guild_id = ?");
    // An article's title stays only while another guild still has a post of it.
    for (String key : articleKeys) {
      deleteOrphanArticle(st, key);
    }
  }

  /** Runs each statement, in order, with {@code id} as its one parameter. */
  private static void updateEach(Statements st, long id, String... sqls) throws SQLException {
    for (String sql : sqls) {
      PreparedStatement ps = st.get(sql);
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  /** Deletes the article's row unless a discussion still refers to it. */
  private static void deleteOrphanArticle(Statements st, String articleKey) throws SQLException {
    PreparedStatement orphan =
        st.get(
            "DELETE FROM articles WHERE article_key = ?"
                + " AND NOT EXISTS (SELECT 1 FROM discussions WHERE article_key = ?)");
    orphan.setString(1, articleKey);
    orphan.setString(2, articleKey);
    orphan.executeUpdate();
  }

  @Override
  public int purgeOlderThan(long guildId, Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    // One transaction per chunk: a large purge never holds the writer for long, ingest keeps
    // flowing,
    // and an interrupted purge simply resumes on the next run.
    int deleted = 0;
    while (true) {
      int chunkDeleted =
          db.write(
              st ->
                  count(
                      st,
                      ids(
                          st,
                          "SELECT message_id FROM takes WHERE guild_id = ? AND created_at < ?"
                              + " ORDER BY created_at LIMIT "
                              + CHUNK,
                          guildId,
                          cutoff.toEpochMilli()),
                      JdbcTakeStore::delete));
      deleted += chunkDeleted;
      if (chunkDeleted < CHUNK) {
        if (deleted > 0) {
          db.scrubDeletedText();
        }
        return deleted;
      }
    }
  }

  /** A change to one row in a write transaction; true when it changed something. */
  @FunctionalInterface
  private interface RowChange<T> {
    boolean apply(Statements st, T row) throws SQLException;
  }

  /** Applies {@code change} to each of {@code rows} in order; how many it changed. */
  private static <T> int count(Statements st, Iterable<T> rows, RowChange<T> change)
      throws SQLException {
    int changed = 0;
    for (T row : rows) {
      if (change.apply(st, row)) {
        changed++;
      }
    }
    return changed;
  }

  /** A query's rows as a map from its first column to its second. */
  private <K, V> Map<K, V> pairs(String sql, Column<K> key, Column<V> value, long... params) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setLong(i + 1, params[i]);
            }
            Map<K, V> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(key.read(rs, 1), value.read(rs, 2));
              }
            }
            return out;
          }
        });
  }

  /** Reads one column of the current row. */
  @FunctionalInterface
  private interface Column<T> {
    T read(ResultSet rs, int column) throws SQLException;
  }

  /** The first column of {@code sql}'s rows, its parameters bound in order. */
  private static List<Long> ids(Statements st, String sql, long... params) throws SQLException {
    PreparedStatement ps = st.get(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setLong(i + 1, params[i]);
    }
    return longs(ps, new ArrayList<>());
  }

  /** Adds the first column of each row of {@code ps} to {@code out}. */
  private static <C extends Collection<Long>> C longs(PreparedStatement ps, C out)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  // --- settings per server (#13)
  // --------------------------------------------------------------------------

  @Override
  public Map<String, String> guildSettings(long guildId) {
    return pairs(
        "SELECT name, value FROM guild_settings WHERE guild_id = ?",
        ResultSet::getString,
        ResultSet::getString,
        guildId);
  }

  @Override
  public void saveGuildSetting(long guildId, String name, String value) {
    Objects.requireNonNull(name, "name");
    db.write(
        st -> {
          PreparedStatement ps;
          if (value == null) {
            ps = st.get("DELETE FROM guild_settings WHERE guild_id = ? AND name = ?");
          } else {
            ps =
                st.get(
                    "INSERT INTO guild_settings (guild_id, name, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (guild_id, name) DO UPDATE SET value = excluded.value");
            ps.setString(3, value);
          }
          ps.setLong(1, guildId);
          ps.setString(2, name);
          ps.executeUpdate();
          return null;
        });
  }

  // --- leases for jobs that run in one process at a time (#13)
  // -----------------------------------------------------------------------------------------------

  @Override
  public boolean tryAcquire(String name, String holder, Duration ttl) {
    return leases.tryAcquire(name, holder, ttl);
  }

  @Override
  public boolean renew(String name, String holder, Duration ttl) {
    return leases.renew(name, holder, ttl);
  }

  @Override
  public boolean release(String name, String holder) {
    return leases.release(name, holder);
  }

  @Override
  public boolean saveCursor(String name, String holder, String cursor) {
    return leases.saveCursor(name, holder, cursor);
  }

  @Override
  public Optional<String> cursor(String name) {
    return leases.cursor(name);
  }

  // --- reads -------------------------------------------------------------------------------------

  // --- digests ----------------------------------------------------------------------------------

  @Override
  public void recordDigest(long postMessageId, long guildId, Instant at) {
    db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "INSERT INTO digests (post_message_id, guild_id, posted_at, last_take_id)"
                      + " SELECT ?, ?, ?, COALESCE(MAX(message_id), 0) FROM takes"
                      + " WHERE post_message_id = ?"
                      + " ON CONFLICT (post_message_id) DO UPDATE SET posted_at = excluded.posted_at,"
                      + " last_take_id = excluded.last_take_id");
          ps.setLong(1, postMessageId);
          ps.setLong(2, guildId);
          ps.setLong(3, at.toEpochMilli());
          ps.setLong(4, postMessageId);
          return ps.executeUpdate();
        });
  }

  @Override
  public List<Long> dueDigests(long guildId, Instant lastBy, long firstSinceTakeId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.post_message_id FROM discussions d"
                      + " LEFT JOIN digests g ON g.post_message_id = d.post_message_id"
                      + " WHERE d.guild_id = ? AND COALESCE(g.posted_at, d.posted_at) <= ?"
                      + " AND EXISTS (SELECT 1 FROM takes t WHERE t.post_message_id = d.post_message_id"
                      + " AND t.message_id > COALESCE(g.last_take_id, ?))"
                      + " ORDER BY d.posted_at, d.post_message_id")) {
            ps.setLong(1, guildId);
            ps.setLong(2, lastBy.toEpochMilli());
            ps.setLong(3, firstSinceTakeId);
            return longs(ps, new ArrayList<>());
          }
        });
  }

  @Override
  public Optional<Take> findTake(long messageId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + TAKE_COLUMNS + " FROM takes WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(take(rs)) : Optional.<Take>empty();
            }
          }
        });
  }

  @Override
  public TakeStats stats(long postMessageId) {
    return db.read(c -> stats(c, postMessageId));
  }

  private static TakeStats stats(Connection c, long postMessageId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_STATS)) {
      ps.setLong(1, postMessageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new TakeStats(0, 0, Map.of(), 0);
        }
        // by name: each label has its own column, whatever order the enum declares them in
        Map<Label, Long> byLabel = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
          byLabel.put(l, rs.getLong(l.id() + "_count"));
        }
        return new TakeStats(
            rs.getLong("take_count"),
            rs.getLong("member_count"),
            byLabel,
            rs.getLong("score_micros") / 1_000_000.0);
      }
    }
  }

  @Override
  public void forEachTake(long postMessageId, Consumer<Take> action) {
    Objects.requireNonNull(action, "action");
    db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + TAKE_COLUMNS
                      + " FROM takes"
                      + " WHERE post_message_id = ? ORDER BY message_id")) {
            // A cursor on PostgreSQL (needs the open transaction); SQLite steps row by row anyway.
            ps.setFetchSize(500);
            ps.setLong(1, postMessageId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(take(rs));
              }
            }
          }
          return null;
        });
  }

  @Override
  public Optional<CreatedRange> createdRange(long postMessageId) {
    return db.read(
        c -> {
          // one MIN and one MAX per label: each a single seek into takes_by_post_label_created
          long first = Long.MAX_VALUE;
          long last = Long.MIN_VALUE;
          try (PreparedStatement min =
                  c.prepareStatement(
                      "SELECT MIN(created_at) FROM takes"
                          + " WHERE post_message_id = ? AND label = ?");
              PreparedStatement max =
                  c.prepareStatement(
                      "SELECT MAX(created_at) FROM takes"
                          + " WHERE post_message_id = ? AND label = ?")) {
            for (Label l : Label.values()) {
              for (PreparedStatement ps : List.of(min, max)) {
                ps.setLong(1, postMessageId);
                ps.setString(2, l.name());
                try (ResultSet rs = ps.executeQuery()) {
                  if (rs.next()) {
                    long at = rs.getLong(1);
                    if (!rs.wasNull()) {
                      first = Math.min(first, at);
                      last = Math.max(last, at);
                    }
                  }
                }
              }
            }
          }
          return first > last
              ? Optional.<CreatedRange>empty()
              : Optional.of(
                  new CreatedRange(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last)));
        });
  }

  @Override
  public void countByTimeBucket(
      long postMessageId, long originMilli, long widthMilli, BucketCounts action) {
    if (widthMilli <= 0) {
      throw new IllegalArgumentException("widthMilli must be positive: " + widthMilli);
    }
    Objects.requireNonNull(action, "action");
    db.read(
        c -> {
          // One range count per bucket and label on takes_by_post_label_created: both engines count
          // an
          // index range in place, where a GROUP BY on the computed bucket would sort every take
          // first.
          try (PreparedStatement max =
                  c.prepareStatement(
                      "SELECT MAX(created_at) FROM takes"
                          + " WHERE post_message_id = ? AND label = ?");
              PreparedStatement count =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM takes WHERE post_message_id = ?"
                          + " AND label = ? AND created_at >= ? AND created_at < ?")) {
            for (Label l : Label.values()) {
              max.setLong(1, postMessageId);
              max.setString(2, l.name());
              long last;
              try (ResultSet rs = max.executeQuery()) {
                last = rs.next() ? rs.getLong(1) : 0;
                if (rs.wasNull() || last < originMilli) {
                  continue;
                }
              }
              long buckets = (last - originMilli) / widthMilli + 1;
              if (buckets > MAX_RANGE_COUNTS) {
                groupedCounts(c, postMessageId, l, originMilli, widthMilli, action);
                continue;
              }
              for (long b = 0; b < buckets; b++) {
                count.setLong(1, postMessageId);
                count.setString(2, l.name());
                count.setLong(3, originMilli + b * widthMilli);
                count.setLong(4, originMilli + (b + 1) * widthMilli);
                try (ResultSet rs = count.executeQuery()) {
                  long n = rs.next() ? rs.getLong(1) : 0;
                  if (n > 0) {
                    action.accept(b, l, n);
                  }
                }
              }
            }
          }
          return null;
        });
  }

  /**
   * Counts of one label per bucket in one grouped query: for more buckets than range counts pay
   * off.
   */
  private static void groupedCounts(
      Connection c,
      long postMessageId,
      Label label,
      long originMilli,
      long widthMilli,
      BucketCounts action)
      throws SQLException {
    // created_at >= origin keeps the integer division a floor on both engines
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT bucket, COUNT(*) FROM (SELECT (created_at - ?) / ?"
                + " AS bucket FROM takes WHERE post_message_id = ? AND label = ? AND created_at >= ?) b GROUP BY bucket")) {
      ps.setLong(1, originMilli);
      ps.setLong(2, widthMilli);
      ps.setLong(3, postMessageId);
      ps.setString(4, label.name());
      ps.setLong(5, originMilli);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs.getLong(1), label, rs.getLong(2));
        }
      }
    }
  }

  @Override
  public void forEachSampledTake(long postMessageId, int perLabel, Consumer<Take> action) {
    if (perLabel < 1) {
      throw new IllegalArgumentException("perLabel must be at least 1: " + perLabel);
    }
    Objects.requireNonNull(action, "action");
    List<Take> sample =
        db.read(
            c -> {
              TakeStats stats = stats(c, postMessageId);
              List<Take> out = new ArrayList<>();
              try (PreparedStatement all =
                      c.prepareStatement(
                          "SELECT "
                              + TAKE_COLUMNS
                              + " FROM takes"
                              + " WHERE post_message_id = ? AND label = ? ORDER BY message_id");
                  // OFFSET steps over index entries of takes_by_post_label without reading the
                  // skipped rows
                  PreparedStatement next =
                      c.prepareStatement(
                          "SELECT "
                              + TAKE_COLUMNS
                              + " FROM takes"
                              + " WHERE post_message_id = ? AND label = ? AND message_id > ? ORDER BY message_id"
                              + " LIMIT 1 OFFSET ?")) {
                for (Label l : Label.values()) {
                  long n = stats.byLabel().get(l);
                  if (n == 0) {
                    continue;
                  }
                  if (n <= perLabel) {
                    all.setLong(1, postMessageId);
                    all.setString(2, l.name());
                    try (ResultSet rs = all.executeQuery()) {
                      while (rs.next()) {
                        out.add(take(rs));
                      }
                    }
                    continue;
                  }
                  long after = Long.MIN_VALUE;
                  long previousRank = -1;
                  for (long r = 0; r < n; r++) {
                    if (!SummaryData.isSampled(r, n, perLabel)) {
                      continue;
                    }
                    next.setLong(1, postMessageId);
                    next.setString(2, l.name());
                    next.setLong(3, after);
                    next.setLong(4, r - previousRank - 1);
                    try (ResultSet rs = next.executeQuery()) {
                      if (!rs.next()) {
                        break; // fewer takes than the aggregate says: none can be, but never loop
                        // for nothing
                      }
                      Take t = take(rs);
                      out.add(t);
                      after = t.messageId();
                    }
                    previousRank = r;
                  }
                }
              }
              out.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
              return out;
            });
    sample.forEach(action);
  }

  @Override
  public int forEachTakeWithVersionNot(
      String version, long afterMessageId, int limit, Consumer<Take> action) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(action, "action");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + TAKE_COLUMNS
                      + " FROM takes"
                      + " WHERE message_id > ? AND corrected = 0 AND analyzer_version <> ? ORDER BY message_id LIMIT ?")) {
            ps.setFetchSize(500);
            ps.setLong(1, afterMessageId);
            ps.setString(2, version);
            ps.setInt(3, Math.max(0, limit));
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(take(rs));
                n++;
              }
            }
            return n;
          }
        });
  }

  @Override
  public void forEachCorrection(long guildId, Consumer<Correction> action) {
    Objects.requireNonNull(action, "action");
    db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT c.message_id, t.post_message_id, t.body, c.label,"
                      + " c.previous_label, c.moderator_id, c.corrected_at FROM corrections c"
                      + " JOIN takes t ON t.message_id = c.message_id WHERE c.guild_id = ? ORDER BY c.message_id")) {
            ps.setFetchSize(500);
            ps.setLong(1, guildId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(
                    new Correction(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Label.valueOf(rs.getString(4)),
                        Label.valueOf(rs.getString(5)),
                        rs.getLong(6),
                        Instant.ofEpochMilli(rs.getLong(7))));
              }
            }
          }
          return null;
        });
  }

  @Override
  public long lastTakeMessageId(long postMessageId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT MAX(message_id) FROM takes WHERE post_message_id = ?")) {
            ps.setLong(1, postMessageId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L; // MAX of nothing is NULL, read as 0
            }
          }
        });
  }

  @Override
  public List<Take> listTakes(TakeQuery query, long cursor, boolean forward, int limit) {
    Objects.requireNonNull(query, "query");
    if (query.scope().isEmpty()) {
      return List.of();
    }
    PageQuery pageQuery = PageQuery.of(query, cursor, forward, limit);
    return db.read(
        c -> {
          try (PreparedStatement ps = pageQuery.prepare(c)) {
            List<Take> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                page.add(take(rs));
              }
            }
            if (!forward) {
              Collections.reverse(page);
            }
            return page;
          }
        });
  }

  private static Take take(ResultSet rs) throws SQLException {
    long edited = rs.getLong(8);
    Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
    return new Take(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        editedAt,
        Label.valueOf(rs.getString(9)),
        rs.getDouble(10),
        rs.getString(11));
  }

  /**
   * Reports pool usage and query time to {@code registry} (see {@code Database#bindMetrics}); call
   * once, right after opening.
   */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    db.bindMetrics(registry);
  }

  /** Whether the database answers now (for readiness); never throws. */
  public boolean reachable() {
    return db.reachable();
  }

  @Override
  public void close() {
    db.close();
  }

  // --- aggregates
  // ----------------------------------------------------------------------------------

  private static String selectStatsSql() {
    StringBuilder sql = new StringBuilder("SELECT take_count, member_count");
    for (Label l : Label.values()) {
      sql.append(", ").append(l.id()).append("_count");
    }
    return sql.append(", score_micros FROM discussion_stats WHERE post_message_id = ?").toString();
  }

  private static String updateStatsSql() {
    StringBuilder sql =
        new StringBuilder(
            "UPDATE discussion_stats SET take_count = take_count + ?,"
                + " member_count = member_count + ?");
    for (Label l : StatsDelta.ORDER) {
      String col = l.id() + "_count";
      sql.append(", ").append(col).append(" = ").append(col).append(" + ?");
    }
    return sql.append(", score_micros = score_micros + ? WHERE post_message_id = ?").toString();
  }

  /** A change to one discussion's aggregates. Scores count in millionths so sums stay exact. */
  private static final class StatsDelta {
    static final Label[] ORDER = Label.values();

    private final long takes;
    private final long members;
    private final long[] byLabel = new long[ORDER.length];
    private long scoreMicros;

    StatsDelta(long takes, long members) {
      this.takes = takes;
      this.members = members;
    }

    void add(Label label, int sign, double score) {
      byLabel[label.ordinal()] += sign;
      scoreMicros += sign * micros(score);
    }

    boolean isZero() {
      if (takes != 0 || members != 0 || scoreMicros != 0) {
        return false;
      }
      for (long n : byLabel) {
        if (n != 0) {
          return false;
        }
      }
      return true;
    }

    void apply(Statements st, long post) throws SQLException {
      PreparedStatement ps = st.get(UPDATE_STATS);
      int i = 1;
      ps.setLong(i++, takes);
      ps.setLong(i++, members);
      for (long n : byLabel) {
        ps.setLong(i++, n);
      }
      ps.setLong(i++, scoreMicros);
      ps.setLong(i, post);
      if (ps.executeUpdate() != 1) {
        throw new StoreException("aggregates missing for discussion " + post);
      }
    }
  }

  /** A score in millionths, as summed in {@code discussion_stats.score_micros}. */
  static long micros(double score) {
    return Math.round(score * 1_000_000);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }
}
