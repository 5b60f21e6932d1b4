-- Privacy that holds (#11). Additive only, valid on SQLite and PostgreSQL alike, and independent of any
-- other migration's content.

-- 1 when the take's message is the bot's own repost of a member's "Share your take" submission. The
-- member cannot delete that message themselves, so /takes forget deletes it for them.
ALTER TABLE takes ADD COLUMN via_share SMALLINT NOT NULL DEFAULT 0;

-- Guilds the bot left (kicked, or the server deleted), with when it noticed. Kept across restarts: once
-- the grace period has passed, retention purges everything stored for the guild. A row is removed when
-- the bot is back in the guild, or with the guild's data.
CREATE TABLE departed_guilds (
    guild_id    BIGINT NOT NULL PRIMARY KEY,
    departed_at BIGINT NOT NULL
);
