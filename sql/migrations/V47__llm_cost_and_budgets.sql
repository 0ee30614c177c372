-- Cellar Door schema, version 47: what the LLM cost and the monthly LLM budget (issue 10, docs/billing.md#llm-cost-and-budgets,
-- decision 0048).
--
-- * message: the turn's LLM cost in USD (every model call of the turn: answer and condense) and the provider that answered.
-- * llm_usage: one row per model call with its real token counts and cost, by provider, model and operation.
-- * llm_spend: the running cost per org and month, read by the budget stage of every turn (one row, no sum).
-- * llm_budget: the org's monthly budget and its soft limit.

ALTER TABLE message
    ADD COLUMN cost_usd numeric(14, 6) NOT NULL DEFAULT 0,
    ADD COLUMN provider text;

CREATE TABLE llm_usage (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    message_id    bigint REFERENCES message (id) ON DELETE SET NULL,
    at            timestamptz NOT NULL,
    provider      text NOT NULL,
    model         text NOT NULL,
    operation     text NOT NULL CHECK (operation IN ('answer', 'condense', 'embed')),
    input_tokens  int NOT NULL CHECK (input_tokens >= 0),
    output_tokens int NOT NULL CHECK (output_tokens >= 0),
    cost_usd      numeric(14, 6) NOT NULL CHECK (cost_usd >= 0)
);
CREATE INDEX llm_usage_org_at_idx ON llm_usage (org_id, at);

CREATE TABLE llm_spend (
    org_id        bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    period_start  date NOT NULL,
    cost_usd      numeric(14, 6) NOT NULL DEFAULT 0,
    soft_notified boolean NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, period_start)
);

CREATE TABLE llm_budget (
    org_id       bigint PRIMARY KEY REFERENCES org (id) ON DELETE CASCADE,
    monthly_usd  numeric(12, 2) NOT NULL CHECK (monthly_usd >= 0),
    soft_percent int NOT NULL DEFAULT 80 CHECK (soft_percent BETWEEN 1 AND 100),
    updated_by   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE llm_usage ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_usage
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE llm_spend ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_spend
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
ALTER TABLE llm_budget ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON llm_budget
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
