-- Settings per server (#13). Additive only, valid on SQLite and PostgreSQL alike.

-- One row per setting a server's managers changed with /takebot settings; a setting without a row
-- takes its default from config/takebot.yaml, so a server that never configured anything has no rows
-- and follows the operator's defaults, including later changes to them. Values are text (ids,
-- numbers, booleans, language codes) parsed by the settings service; a new setting needs no migration.
CREATE TABLE guild_settings (
    guild_id BIGINT       NOT NULL,
    name     VARCHAR(64)  NOT NULL,
    value    VARCHAR(1024) NOT NULL,
    PRIMARY KEY (guild_id, name)
);
