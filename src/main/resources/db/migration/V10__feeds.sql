-- Feeds a server follows (#15). Additive only, valid on SQLite and PostgreSQL alike: epoch
-- milliseconds, SMALLINT flags, ids chosen by the bot (no auto-increment).

-- One row per feed and server; review_channel_id, when not 0, is the moderators' channel where new
-- items wait as previews to post, edit or cancel ("review first") instead of being posted. next_poll_at orders polling; failures and last_error are the backoff
-- state shown by /feed list; etag and last_modified are sent back for conditional GETs.
CREATE TABLE feeds (
    id             BIGINT        NOT NULL PRIMARY KEY,
    guild_id       BIGINT        NOT NULL,
    channel_id     BIGINT        NOT NULL,
    review_channel_id BIGINT     NOT NULL DEFAULT 0,
    url            VARCHAR(2048) NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    added_by       BIGINT        NOT NULL,
    added_at       BIGINT        NOT NULL,
    poll_minutes   INTEGER       NOT NULL,
    paused         SMALLINT      NOT NULL DEFAULT 0,
    etag           VARCHAR(512),
    last_modified  VARCHAR(512),
    next_poll_at   BIGINT        NOT NULL,
    failures       INTEGER       NOT NULL DEFAULT 0,
    last_error     VARCHAR(300),
    last_polled_at BIGINT,
    UNIQUE (guild_id, url)
);
CREATE INDEX feeds_due ON feeds (next_poll_at);

-- Items already seen, by key (guid, else link) and by hash (title and link), so that neither a
-- restart, nor an edited item, nor an item whose guid changed is posted twice.
CREATE TABLE feed_items (
    feed_id   BIGINT       NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key  VARCHAR(600) NOT NULL,
    item_hash VARCHAR(64)  NOT NULL,
    seen_at   BIGINT       NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX feed_items_hash ON feed_items (feed_id, item_hash);
