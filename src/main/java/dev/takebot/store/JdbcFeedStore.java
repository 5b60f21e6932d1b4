package dev.takebot.store;

import dev.takebot.feed.Feed;
import dev.takebot.feed.FeedStore;
import dev.takebot.fetch.Validators;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link FeedStore} in the {@code feeds} and {@code feed_items} tables, same SQL on both engines.
 */
final class JdbcFeedStore implements FeedStore {
  private static final String COLUMNS =
      "id, guild_id, channel_id, review_channel_id, url, title, added_by, added_at, poll_minutes, paused, etag,"
          + " last_modified, next_poll_at, failures, last_error, last_polled_at";

  private final Database db;

  JdbcFeedStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean addFeed(Feed f) {
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "INSERT INTO feeds ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (guild_id, url) DO NOTHING");
          ps.setLong(1, f.id());
          ps.setLong(2, f.guildId());
          ps.setLong(3, f.channelId());
          ps.setLong(4, f.reviewChannelId());
          ps.setString(5, f.url());
          ps.setString(6, f.title());
          ps.setLong(7, f.addedBy());
          ps.setLong(8, f.addedAt().toEpochMilli());
          ps.setInt(9, f.pollMinutes());
          ps.setInt(10, f.paused() ? 1 : 0);
          ps.setString(11, f.validators().etag());
          ps.setString(12, f.validators().lastModified());
          ps.setLong(13, f.nextPollAt().toEpochMilli());
          ps.setInt(14, f.failures());
          ps.setString(15, f.lastError());
          if (f.lastPolledAt() == null) {
            ps.setNull(16, Types.BIGINT);
          } else {
            ps.setLong(16, f.lastPolledAt().toEpochMilli());
          }
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public List<Feed> feeds(long guildId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM feeds WHERE guild_id = ? ORDER BY added_at, id")) {
            ps.setLong(1, guildId);
            return list(ps);
          }
        });
  }

  @Override
  public Optional<Feed> feed(long guildId, String url) {
    return feeds(guildId).stream().filter(f -> f.url().equals(url)).findFirst();
  }

  @Override
  public boolean removeFeed(long guildId, long feedId) {
    return db.write(
        st -> {
          // Items first: SQLite enforces the foreign key, but a PostgreSQL cascade is not needed.
          PreparedStatement items =
              st.get(
                  "DELETE FROM feed_items WHERE feed_id IN"
                      + " (SELECT id FROM feeds WHERE id = ? AND guild_id = ?)");
          items.setLong(1, feedId);
          items.setLong(2, guildId);
          items.executeUpdate();
          PreparedStatement ps = st.get("DELETE FROM feeds WHERE id = ? AND guild_id = ?");
          ps.setLong(1, feedId);
          ps.setLong(2, guildId);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public boolean setPaused(long guildId, long feedId, boolean paused) {
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get("UPDATE feeds SET paused = ? WHERE id = ? AND guild_id = ?");
          ps.setInt(1, paused ? 1 : 0);
          ps.setLong(2, feedId);
          ps.setLong(3, guildId);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public List<Feed> dueFeeds(Instant now, int shardTotal, Collection<Integer> shardIds, int limit) {
    if (shardIds.isEmpty()) {
      return List.of();
    }
    String shards = shardList(shardTotal, shardIds);
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM feeds WHERE paused = 0 AND next_poll_at <= ?"
                      + " AND ((guild_id / 4194304) % ?) IN ("
                      + shards
                      + ") ORDER BY next_poll_at, id LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, shardTotal);
            ps.setInt(3, limit);
            return list(ps);
          }
        });
  }

  @Override
  public void recordPoll(
      long feedId,
      Validators validators,
      Instant polledAt,
      Instant nextPollAt,
      int failures,
      String lastError) {
    db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "UPDATE feeds SET etag = ?, last_modified = ?, last_polled_at = ?,"
                      + " next_poll_at = ?, failures = ?, last_error = ? WHERE id = ?");
          ps.setString(1, validators.etag());
          ps.setString(2, validators.lastModified());
          ps.setLong(3, polledAt.toEpochMilli());
          ps.setLong(4, nextPollAt.toEpochMilli());
          ps.setInt(5, failures);
          ps.setString(6, lastError);
          ps.setLong(7, feedId);
          return ps.executeUpdate();
        });
  }

  @Override
  public boolean seen(long feedId, String key, String hash) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM feed_items WHERE feed_id = ? AND (item_key = ? OR item_hash = ?)"
                      + " LIMIT 1")) {
            ps.setLong(1, feedId);
            ps.setString(2, key);
            ps.setString(3, hash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public int markSeen(long feedId, Collection<SeenItem> items, Instant at) {
    if (items.isEmpty()) {
      return 0;
    }
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "INSERT INTO feed_items (feed_id, item_key, item_hash, seen_at)"
                      + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feeds WHERE id = ?)"
                      + " ON CONFLICT (feed_id, item_key) DO NOTHING");
          int added = 0;
          for (SeenItem item : items) {
            ps.setLong(1, feedId);
            ps.setString(2, item.key());
            ps.setString(3, item.hash());
            ps.setLong(4, at.toEpochMilli());
            ps.setLong(5, feedId);
            added += ps.executeUpdate();
          }
          return added;
        });
  }

  @Override
  public void forgetSeen(long feedId, String key) {
    db.write(
        st -> {
          PreparedStatement ps =
              st.get("DELETE FROM feed_items WHERE feed_id = ? AND item_key = ?");
          ps.setLong(1, feedId);
          ps.setString(2, key);
          return ps.executeUpdate();
        });
  }

  @Override
  public boolean markOffered(
      long feedId, SeenItem item, Instant at, long offeredBy, Instant until) {
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "INSERT INTO feed_items"
                      + " (feed_id, item_key, item_hash, seen_at, offered_by, offered_until)"
                      + " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feeds WHERE id = ?)"
                      + " ON CONFLICT (feed_id, item_key) DO NOTHING");
          ps.setLong(1, feedId);
          ps.setString(2, item.key());
          ps.setString(3, item.hash());
          ps.setLong(4, at.toEpochMilli());
          ps.setLong(5, offeredBy);
          ps.setLong(6, until.toEpochMilli());
          ps.setLong(7, feedId);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public List<SeenItem> undecided(long feedId, long offeredBy, Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT item_key, item_hash FROM feed_items WHERE feed_id = ?"
                      + " AND offered_until IS NOT NULL AND (offered_by <> ? OR offered_until <= ?)"
                      + " ORDER BY seen_at, item_key")) {
            ps.setLong(1, feedId);
            ps.setLong(2, offeredBy);
            ps.setLong(3, now.toEpochMilli());
            List<SeenItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new SeenItem(rs.getString(1), rs.getString(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean reoffer(long feedId, String key, long offeredBy, Instant until, Instant now) {
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "UPDATE feed_items SET offered_by = ?, offered_until = ?"
                      + " WHERE feed_id = ? AND item_key = ? AND offered_until IS NOT NULL"
                      + " AND (offered_by <> ? OR offered_until <= ?)");
          ps.setLong(1, offeredBy);
          ps.setLong(2, until.toEpochMilli());
          ps.setLong(3, feedId);
          ps.setString(4, key);
          ps.setLong(5, offeredBy);
          ps.setLong(6, now.toEpochMilli());
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public void lapse(long feedId, String key, Instant now) {
    db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "UPDATE feed_items SET offered_until = ?"
                      + " WHERE feed_id = ? AND item_key = ? AND offered_until IS NOT NULL");
          ps.setLong(1, now.toEpochMilli());
          ps.setLong(2, feedId);
          ps.setString(3, key);
          return ps.executeUpdate();
        });
  }

  @Override
  public boolean decide(long feedId, SeenItem item) {
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "UPDATE feed_items SET offered_by = NULL, offered_until = NULL"
                      + " WHERE feed_id = ? AND (item_key = ? OR item_hash = ?)"
                      + " AND offered_until IS NOT NULL");
          ps.setLong(1, feedId);
          ps.setString(2, item.key());
          ps.setString(3, item.hash());
          return ps.executeUpdate() > 0;
        });
  }

  @Override
  public void markListed(long feedId, Collection<SeenItem> listed, Instant at) {
    db.write(
        st -> {
          PreparedStatement item =
              st.get(
                  "UPDATE feed_items SET listed_at = ?"
                      + " WHERE feed_id = ? AND (item_key = ? OR item_hash = ?)");
          for (SeenItem i : listed) {
            item.setLong(1, at.toEpochMilli());
            item.setLong(2, feedId);
            item.setString(3, i.key());
            item.setString(4, i.hash());
            item.executeUpdate();
          }
          PreparedStatement feed = st.get("UPDATE feeds SET listed_at = ? WHERE id = ?");
          feed.setLong(1, at.toEpochMilli());
          feed.setLong(2, feedId);
          return feed.executeUpdate();
        });
  }

  @Override
  public int prune(Instant listedBefore, int shardTotal, Collection<Integer> shardIds) {
    String shards = shardList(shardTotal, shardIds);
    if (shards.isEmpty()) {
      return 0;
    }
    return db.write(
        st -> {
          // Strictly before the feed's latest full read: what that read listed stays, however old.
          PreparedStatement ps =
              st.get(
                  "DELETE FROM feed_items WHERE offered_until IS NULL"
                      + " AND COALESCE(listed_at, seen_at) < ?"
                      + " AND COALESCE(listed_at, seen_at) < (SELECT f.listed_at FROM feeds f"
                      + " WHERE f.id = feed_items.feed_id AND ((f.guild_id / 4194304) % ?) IN ("
                      + shards
                      + "))");
          ps.setLong(1, listedBefore.toEpochMilli());
          ps.setInt(2, shardTotal);
          return ps.executeUpdate();
        });
  }

  /** The shard ids, checked, as SQL: they are integers, so they may be written into it. */
  private static String shardList(int shardTotal, Collection<Integer> shardIds) {
    if (shardTotal < 1 || shardIds.stream().anyMatch(i -> i < 0 || i >= shardTotal)) {
      throw new IllegalArgumentException("shards " + shardIds + " of " + shardTotal);
    }
    return shardIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static List<Feed> list(PreparedStatement ps) throws SQLException {
    List<Feed> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long polled = rs.getLong(16);
        Instant lastPolled = rs.wasNull() ? null : Instant.ofEpochMilli(polled);
        out.add(
            new Feed(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                Instant.ofEpochMilli(rs.getLong(8)),
                rs.getInt(9),
                rs.getInt(10) != 0,
                new Validators(rs.getString(11), rs.getString(12)),
                Instant.ofEpochMilli(rs.getLong(13)),
                rs.getInt(14),
                rs.getString(15),
                lastPolled));
      }
    }
    return out;
  }
}
