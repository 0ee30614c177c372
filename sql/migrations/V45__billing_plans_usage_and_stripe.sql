-- Cellar Door schema, version 45: plans, quotas and Stripe (issue 10, docs/billing.md, decision 0045).
--
-- Plans themselves are configuration (cellardoor.billing.plans.<id>); the database keeps which plan an org is on, its
-- Stripe customer and subscription as last read from Stripe, the messages counted per period, the Stripe events already
-- processed and the usage not yet reported to Stripe. Every table is a tenant table (row-level security, V5 convention).

-- One row per org that left the defaults: a plan assigned by a platform admin, or a Stripe customer. No row: the
-- default plan (cellardoor.billing.default-plan), nothing charged.
CREATE TABLE org_billing (
    org_id                 bigint PRIMARY KEY REFERENCES org (id) ON DELETE CASCADE,
    assigned_plan          text,                  -- set by a platform admin; null: the default plan
    assigned_by            text,
    stripe_customer_id     text UNIQUE,
    stripe_subscription_id text,
    subscription_status    text,                  -- Stripe's status as last read: active, trialing, past_due, unpaid, canceled...
    subscription_plan      text,                  -- the plan whose price the subscription carries
    current_period_end     timestamptz,
    cancel_at_period_end   boolean NOT NULL DEFAULT false,
    payment_failed_at      timestamptz,           -- first failed payment of the current delinquency; the grace period runs from it
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Messages counted per org and period (calendar month, UTC): incremented atomically before a turn is answered, and
-- given back when the turn is declined or fails.
CREATE TABLE usage_period (
    org_id       bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    period_start date NOT NULL,
    messages     int NOT NULL DEFAULT 0 CHECK (messages >= 0),
    PRIMARY KEY (org_id, period_start)
);

-- Counted messages per UTC day, for the usage chart.
CREATE TABLE usage_day (
    org_id   bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    day      date NOT NULL,
    messages int NOT NULL DEFAULT 0 CHECK (messages >= 0),
    PRIMARY KEY (org_id, day)
);

-- Stripe events already applied: the id is inserted in the same transaction as the event's effect.
CREATE TABLE stripe_event (
    event_id     text PRIMARY KEY,
    org_id       bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    type         text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_event_org_idx ON stripe_event (org_id, processed_at);

-- Usage to report to Stripe as Billing meter events (an outbox): one row per counted message, written with the count,
-- reported later in batches; a batch keeps its identifier across retries so Stripe counts it once.
CREATE TABLE meter_outbox (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id             bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    stripe_customer_id text NOT NULL,
    quantity           int NOT NULL DEFAULT 1 CHECK (quantity > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    batch              text,                      -- the meter event identifier once claimed into a batch
    attempts           int NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    sent_at            timestamptz,
    last_error         text
);
CREATE INDEX meter_outbox_pending_idx ON meter_outbox (org_id, next_attempt_at) WHERE sent_at IS NULL;

ALTER TABLE org_billing ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON org_billing
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE usage_period ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON usage_period
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE usage_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON usage_day
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE stripe_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_event
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE meter_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meter_outbox
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- A Stripe webhook names a customer, not an org: the org of a customer id, null when none (nothing else is returned).
CREATE FUNCTION cellardoor_org_by_stripe_customer(p_customer text)
    RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT b.org_id FROM public.org_billing b WHERE b.stripe_customer_id = p_customer
$$;

-- The meter reporter visits only the orgs with usage waiting (one org transaction each).
CREATE FUNCTION cellardoor_orgs_with_pending_meter_events()
    RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT m.org_id FROM public.meter_outbox m WHERE m.sent_at IS NULL ORDER BY 1
$$;

REVOKE ALL ON FUNCTION cellardoor_org_by_stripe_customer(text), cellardoor_orgs_with_pending_meter_events() FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_org_by_stripe_customer(text), '
            'cellardoor_orgs_with_pending_meter_events() TO %I', '${app_role}');
    END IF;
END
$$;
