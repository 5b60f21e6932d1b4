-- Both messages of a post are the post (#11). An article with a video is posted as two messages: the video
-- link in plain content (the lead), then the embed the thread hangs from (post_message_id). Members reply
-- to either, so a reply to the lead is found through this column. 0 when the post was a single message.
-- Valid on SQLite and PostgreSQL alike: a NOT NULL column with a constant default is added in place.
ALTER TABLE discussions ADD COLUMN lead_message_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX discussions_by_lead ON discussions (lead_message_id);
