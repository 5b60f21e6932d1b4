-- The last digest of each discussion (#13), so that "a digest every N hours" counts from it across
-- restarts and whichever process serves the server. Additive only, valid on SQLite and PostgreSQL.

-- posted_at in epoch milliseconds on the bot's clock; last_take_id the newest take the digest
-- covered: a take with a greater id is something new to say.
CREATE TABLE digests (
    post_message_id BIGINT NOT NULL PRIMARY KEY,
    guild_id        BIGINT NOT NULL,
    posted_at       BIGINT NOT NULL,
    last_take_id    BIGINT NOT NULL
);
CREATE INDEX digests_by_guild ON digests (guild_id);
