-- Members who used /takes forget, per guild: their messages up to up_to_message_id (the snowflake of
-- the request) are never stored again, so a backfill reading the thread history does not bring back
-- what they asked to be forgotten. Newer messages are new takes like anyone's.
CREATE TABLE forgotten_authors (
    guild_id         BIGINT NOT NULL,
    author_id        BIGINT NOT NULL,
    up_to_message_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, author_id)
);
