-- Runs unchanged on SQLite and PostgreSQL: BIGINT ids (Discord snowflakes), TEXT, timestamps as
-- epoch milliseconds, SMALLINT flags, no engine-specific types or auto-increment columns.

-- One row per article ever posted; the same article may be posted several times.
CREATE TABLE articles (
    article_key     TEXT    NOT NULL PRIMARY KEY,
    title           TEXT    NOT NULL,
    first_posted_at BIGINT  NOT NULL
);

-- One row per post of an article: the bot's message and the thread that holds the takes.
CREATE TABLE discussions (
    post_message_id BIGINT  NOT NULL PRIMARY KEY,
    guild_id        BIGINT  NOT NULL,
    channel_id      BIGINT  NOT NULL,
    thread_id       BIGINT  NOT NULL,
    article_key     TEXT    NOT NULL REFERENCES articles (article_key),
    title           TEXT    NOT NULL,
    posted_at       BIGINT  NOT NULL
);
CREATE INDEX discussions_by_thread  ON discussions (thread_id);
CREATE INDEX discussions_by_guild   ON discussions (guild_id, posted_at);
CREATE INDEX discussions_by_article ON discussions (article_key);

-- One row per take. guild_id is copied from the discussion so forget and retention need no join.
CREATE TABLE takes (
    message_id       BIGINT           NOT NULL PRIMARY KEY,
    post_message_id  BIGINT           NOT NULL REFERENCES discussions (post_message_id),
    guild_id         BIGINT           NOT NULL,
    channel_id       BIGINT           NOT NULL,
    author_id        BIGINT           NOT NULL,
    author_name      TEXT             NOT NULL,
    body             TEXT             NOT NULL,
    created_at       BIGINT           NOT NULL,
    edited_at        BIGINT,
    label            TEXT             NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    analyzer_version TEXT             NOT NULL,
    corrected        SMALLINT         NOT NULL DEFAULT 0
);
CREATE INDEX takes_by_post           ON takes (post_message_id, message_id);
CREATE INDEX takes_by_guild_author   ON takes (guild_id, author_id);
CREATE INDEX takes_by_guild_created  ON takes (guild_id, created_at);

-- The latest moderator correction of a take (deleted with the take).
CREATE TABLE corrections (
    message_id      BIGINT  NOT NULL PRIMARY KEY REFERENCES takes (message_id),
    guild_id        BIGINT  NOT NULL,
    label           TEXT    NOT NULL,
    previous_label  TEXT    NOT NULL,
    moderator_id    BIGINT  NOT NULL,
    corrected_at    BIGINT  NOT NULL
);
CREATE INDEX corrections_by_guild ON corrections (guild_id, message_id);

-- Per-discussion aggregates, maintained in the same transaction as every change to takes so that a
-- summary reads one row. Scores are summed in millionths (BIGINT) so the sum stays exact however
-- many inserts and deletes it has seen.
CREATE TABLE discussion_stats (
    post_message_id BIGINT NOT NULL PRIMARY KEY REFERENCES discussions (post_message_id),
    take_count      BIGINT NOT NULL DEFAULT 0,
    member_count    BIGINT NOT NULL DEFAULT 0,
    positive_count  BIGINT NOT NULL DEFAULT 0,
    negative_count  BIGINT NOT NULL DEFAULT 0,
    neutral_count   BIGINT NOT NULL DEFAULT 0,
    mixed_count     BIGINT NOT NULL DEFAULT 0,
    score_micros    BIGINT NOT NULL DEFAULT 0
);

-- Takes per (discussion, author): member_count moves only when a count goes 0 -> 1 or 1 -> 0.
CREATE TABLE discussion_authors (
    post_message_id BIGINT NOT NULL,
    author_id       BIGINT NOT NULL,
    take_count      BIGINT NOT NULL,
    PRIMARY KEY (post_message_id, author_id)
);
