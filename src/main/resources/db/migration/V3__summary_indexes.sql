-- Store-side summaries (#6): plain indexes, valid on SQLite and PostgreSQL alike, from which a summary
-- reads without touching the rows that hold the texts.
-- The first and last creation time (one seek per label) and the chart's counts per time bucket and label
-- (one range count each).
CREATE INDEX takes_by_post_label_created ON takes (post_message_id, label, created_at);
-- The per-label sample: takes of a label in message-id order, stepped over by rank.
CREATE INDEX takes_by_post_label ON takes (post_message_id, label, message_id);
