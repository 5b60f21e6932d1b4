package dev.takebot.takes;

import dev.takebot.schedule.Leases;
import dev.takebot.takes.settings.SettingsStore;

/**
 * The whole store, as implemented in {@code store} (SQLite by default, PostgreSQL for scale): every
 * role at once, for the one owner that opens it, hands its roles to the services and closes it.
 * Services take only the roles they use ({@link Discussions}, {@link TakeWrites}, {@link
 * TakeQueries}, {@link SummaryData}, {@link PrivacyStore}, {@link SettingsStore}, {@link Leases},
 * {@link DigestLog}); features go through the services. Every method is thread-safe; a take counts
 * as stored once the call returns.
 */
public interface TakeRepository
    extends Discussions,
        TakeWrites,
        SummaryData,
        PrivacyStore,
        SettingsStore,
        Leases,
        DigestLog,
        AutoCloseable {

  @Override
  void close();
}
