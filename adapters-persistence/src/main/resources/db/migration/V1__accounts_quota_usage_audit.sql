-- Accounts, credentials, the exact monthly quota, usage and audit.
-- Every tenant table carries account_id, and every query of the application binds it.

CREATE TABLE account (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    tier          text        NOT NULL
                  CHECK (tier IN ('free', 'starter', 'professional', 'enterprise', 'custom')),
    -- per-account limits of a custom account; null for the other tiers
    custom_monthly        bigint,
    custom_hourly         integer,
    custom_burst          integer,
    custom_inflight       integer,
    custom_max_input      bigint,
    custom_priority       text,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX account_email_key ON account (lower(email));

CREATE TABLE api_key (
    id           text        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id),
    name         text        NOT NULL,
    secret_hash  bytea       NOT NULL,   -- SHA-256 of the secret; the secret is never stored
    last_four    text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX api_key_account ON api_key (account_id, created_at DESC);

CREATE TABLE account_password (
    account_id  uuid        PRIMARY KEY REFERENCES account (id),
    hash        text        NOT NULL,    -- Argon2id, PHC string
    updated_at  timestamptz NOT NULL
);

CREATE TABLE refresh_token (
    hash        bytea       PRIMARY KEY, -- SHA-256 of the opaque token
    family      uuid        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES account (id),
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family);

-- The monthly quota: one row per account and period. The conditional UPDATE
-- (used + units <= limit) cannot overshoot under any interleaving in Read Committed.
CREATE TABLE quota (
    account_id  uuid   NOT NULL REFERENCES account (id),
    period      text   NOT NULL,
    used        bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
    PRIMARY KEY (account_id, period)
);

-- One row per metered call, keyed by its idempotency key: reserved at admission, then
-- completed (charged), rejected or released (not charged).
CREATE TABLE usage_event (
    account_id   uuid        NOT NULL REFERENCES account (id),
    request_id   text        NOT NULL,
    period       text        NOT NULL,
    tool         text        NOT NULL,
    units        integer     NOT NULL CHECK (units > 0),
    outcome      text        NOT NULL CHECK (outcome IN ('reserved', 'completed', 'rejected', 'released')),
    reserved_at  timestamptz NOT NULL,
    finished_at  timestamptz,
    latency_ms   bigint,
    model        text,
    tokens_in    bigint      NOT NULL DEFAULT 0,
    tokens_out   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, request_id)
);
CREATE INDEX usage_event_reserved ON usage_event (reserved_at) WHERE outcome = 'reserved';
CREATE INDEX usage_event_period ON usage_event (account_id, period, reserved_at DESC);

-- Append-only: who did what, and how it ended. No raw input, no secret.
CREATE TABLE audit_event (
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL,
    account_id    uuid,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    target        text,
    input_sha256  text,
    input_bytes   bigint      NOT NULL DEFAULT 0,
    outcome       text        NOT NULL
);
CREATE INDEX audit_event_account ON audit_event (account_id, id DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
