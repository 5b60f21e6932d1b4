-- Leases for jobs that run in one process at a time though several share the database (#13).
-- Additive only, valid on SQLite and PostgreSQL alike.

-- One row per job (e.g. 'retag'). expires_at is in epoch milliseconds on the database's clock, so
-- processes with skewed clocks agree on expiry; a released lease keeps its row (holder '' and
-- expires_at 0) so that its cursor, the job's progress as text, survives for the next holder.
CREATE TABLE leases (
    name       VARCHAR(64)   NOT NULL PRIMARY KEY,
    holder     VARCHAR(255)  NOT NULL,
    expires_at BIGINT        NOT NULL,
    cursor     VARCHAR(1024)
);
