-- Finding a server's earlier discussion of the same article (#13/#15 follow-up: the same article posted
-- twice). Additive only, valid on SQLite and PostgreSQL alike. link_key is a hash of the article's link
-- (the page it was read from, else the page its post links to) and title_key a hash of its title and
-- date (see article.ArticleIdentity); both are NULL when the article had none, and on rows from before:
-- those are found by article_key (the hash of their text) alone. Hashes, not the link or title itself,
-- so that any link fits an index entry on PostgreSQL.
ALTER TABLE discussions ADD COLUMN link_key VARCHAR(64);
ALTER TABLE discussions ADD COLUMN title_key VARCHAR(64);

-- One index per way of being the same, each within a server: a server with many discussions is never
-- scanned, and an article posted in many servers (a popular feed) is not either.
CREATE INDEX discussions_by_guild_link    ON discussions (guild_id, link_key);
CREATE INDEX discussions_by_guild_title   ON discussions (guild_id, title_key);
CREATE INDEX discussions_by_guild_article ON discussions (guild_id, article_key);
