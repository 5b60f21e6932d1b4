package dev.takebot.store;

import dev.takebot.schedule.Leases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Leases} in the {@code leases} table, with the same SQL on both engines. Acquiring is one
 * upsert whose update applies only to a free, expired or own lease: on PostgreSQL a concurrent
 * acquirer waits for the row lock, then re-checks that condition against the committed row, so of
 * two processes exactly one wins without advisory locks. On SQLite the single writer orders them.
 */
final class JdbcLeases implements Leases {
  private final Database db;
  private final String now;

  JdbcLeases(Database db) {
    this.db = db;
    // The database's clock in epoch milliseconds: the one clock every process shares.
    this.now =
        switch (db.dialect()) {
          case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
          case SQLITE -> "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
        };
  }

  @Override
  public boolean tryAcquire(String name, String holder, Duration ttl) {
    check(name, holder);
    long ttlMillis = ttlMillis(ttl);
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get(
                  "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, "
                      + now
                      + " + ?) ON CONFLICT (name) DO UPDATE"
                      + " SET holder = excluded.holder, expires_at = excluded.expires_at"
                      + " WHERE leases.expires_at <= "
                      + now
                      + " OR leases.holder = excluded.holder");
          ps.setString(1, name);
          ps.setString(2, holder);
          ps.setLong(3, ttlMillis);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public boolean renew(String name, String holder, Duration ttl) {
    check(name, holder);
    long ttlMillis = ttlMillis(ttl);
    return db.write(
        st -> {
          // An expired lease nobody took over is still its holder's: renewing it is safe.
          PreparedStatement ps =
              st.get(
                  "UPDATE leases SET expires_at = " + now + " + ? WHERE name = ? AND holder = ?");
          ps.setLong(1, ttlMillis);
          ps.setString(2, name);
          ps.setString(3, holder);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public boolean release(String name, String holder) {
    check(name, holder);
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get("UPDATE leases SET holder = '', expires_at = 0 WHERE name = ? AND holder = ?");
          ps.setString(1, name);
          ps.setString(2, holder);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public boolean saveCursor(String name, String holder, String cursor) {
    check(name, holder);
    return db.write(
        st -> {
          PreparedStatement ps =
              st.get("UPDATE leases SET cursor = ? WHERE name = ? AND holder = ?");
          ps.setString(1, cursor);
          ps.setString(2, name);
          ps.setString(3, holder);
          return ps.executeUpdate() == 1;
        });
  }

  @Override
  public Optional<String> cursor(String name) {
    Objects.requireNonNull(name, "name");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT cursor FROM leases WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  private static void check(String name, String holder) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    if (holder.isEmpty()) {
      throw new IllegalArgumentException("holder must not be empty: it marks a released lease");
    }
  }

  private static long ttlMillis(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    return ttl.toMillis();
  }
}
