-- Forgetting feed items that can no longer matter (#15). Additive only, valid on SQLite and PostgreSQL
-- alike. feeds.listed_at is when the feed was last read in full (not a 304), and feed_items.listed_at
-- when the item was last in such a read (NULL on rows from before: their seen_at stands in). An item
-- listed by the latest full read is never forgotten, however old, so a feed that answers "not
-- modified" for months keeps all it lists; an item gone from its feed is forgotten
-- feeds.forgetAfterDays after it was last listed, and items dated before that are not posted as new.
ALTER TABLE feeds ADD COLUMN listed_at BIGINT;
ALTER TABLE feed_items ADD COLUMN listed_at BIGINT;
