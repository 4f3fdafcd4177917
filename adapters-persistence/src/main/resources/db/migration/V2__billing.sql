-- Billing: what is kept about each account's subscription, and the payment notifications processed.
-- No card data, no address, no payload: Stripe stays the source of truth and is re-read when needed.

CREATE TABLE billing_account (
    account_id       uuid        PRIMARY KEY REFERENCES account (id),
    customer         text        NOT NULL UNIQUE,  -- the provider's customer id (cus_...)
    subscription     text,
    status           text,
    subscribed_tier  text,
    period_end       timestamptz,
    grace_until      timestamptz,
    scheduled_tier   text,       -- a downgrade or the end of a grace or a period, waiting for its time
    scheduled_at     timestamptz,
    synced_at        timestamptz, -- when the subscription was last read; older reads are not applied
    paid_since       timestamptz,
    ended_at         timestamptz,
    CHECK ((scheduled_tier IS NULL) = (scheduled_at IS NULL))
);
CREATE INDEX billing_account_scheduled ON billing_account (scheduled_at)
    WHERE scheduled_at IS NOT NULL;

-- Each notification once, by the provider's event id, written in the transaction that applied it.
CREATE TABLE billing_event (
    id           text        PRIMARY KEY,
    type         text        NOT NULL,
    created      timestamptz NOT NULL,
    account_id   uuid        REFERENCES account (id),
    outcome      text        NOT NULL,
    received_at  timestamptz NOT NULL
);

-- The business figures count charged calls in a time window across accounts.
CREATE INDEX usage_event_completed ON usage_event (reserved_at) WHERE outcome = 'completed';
