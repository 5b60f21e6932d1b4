/**
 * Durable storage of discussions and takes over JDBC: an embedded SQLite file by default (WAL
 * mode), PostgreSQL when configured, the same Flyway migrations ({@code db/migration}) and SQL on
 * both. Open with {@link dev.takebot.store.Stores}. Knows nothing of Discord.
 */
package dev.takebot.store;
