-- Items of a "review first" feed offered in the moderators' channel but not decided yet (#15).
-- Additive only, valid on SQLite and PostgreSQL alike. offered_until, when set, is when the offer
-- lapses (the preview expires) and offered_by the poller (one per process run) that made it; both
-- are NULL once a moderator posted or cancelled the item, or for an item posted directly. A preview
-- lives in memory only, so an item offered by another run, or whose offer lapsed, is offered again.
ALTER TABLE feed_items ADD COLUMN offered_by BIGINT;
ALTER TABLE feed_items ADD COLUMN offered_until BIGINT;
