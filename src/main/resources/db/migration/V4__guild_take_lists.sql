-- /takes list and /takes mine page through a guild's takes in message-id order, across its articles.
-- With only (guild_id, author_id) and (guild_id, created_at) to go on, a page had to sort every take of
-- the guild (or of the member) before it could stop at ten; these indexes hand the rows over in order,
-- so a page reads ten rows however many takes the guild holds. Valid on SQLite and PostgreSQL alike.
CREATE INDEX takes_by_guild ON takes (guild_id, message_id);
DROP INDEX takes_by_guild_author;
CREATE INDEX takes_by_guild_author ON takes (guild_id, author_id, message_id);
