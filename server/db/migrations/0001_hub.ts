/**
 * 0001: the hub's schema. Every synced row carries `seq`, taken from one sequence on insert and on every
 * update; writes that feed the change log hold one advisory lock, so seq order is commit order and a
 * desk pulling "seq > cursor" never skips a row that committed late.
 */
export default /* sql */ `
CREATE SEQUENCE change_seq;

CREATE FUNCTION bump_seq() RETURNS trigger AS $$
BEGIN NEW.seq := nextval('change_seq'); RETURN NEW; END $$ LANGUAGE plpgsql;

CREATE TABLE website_keys (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  key_hash   text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE devices (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  token_hash   text UNIQUE,
  enrolled_at  timestamptz,
  revoked_at   timestamptz,
  last_seen_at timestamptz
);

CREATE TABLE enrollment_codes (
  code_hash  text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  device_id  text REFERENCES devices(id)
);

CREATE TABLE customers (
  id          text PRIMARY KEY,
  website_ref text NOT NULL UNIQUE,
  username    text UNIQUE,
  gender      text CHECK (gender IN ('male', 'female', 'other')),
  full_name   text NOT NULL,
  email       text,
  phone       text,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  seq         bigint NOT NULL
);

-- Privacy policy art. 4: username and gender never change once set, whatever writes to the hub.
CREATE FUNCTION customers_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.username IS NOT NULL AND NEW.username IS DISTINCT FROM OLD.username THEN
    RAISE EXCEPTION 'customer username cannot change once set' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.gender IS NOT NULL AND NEW.gender IS DISTINCT FROM OLD.gender THEN
    RAISE EXCEPTION 'customer gender cannot change once set' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER customers_immutable BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION customers_immutable();

CREATE TABLE submissions (
  id          text PRIMARY KEY,
  website_ref text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  customer_id text NOT NULL REFERENCES customers(id),
  subject     text NOT NULL,
  body        text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}',
  status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'waiting', 'closed')),
  priority    text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee    text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  seq         bigint NOT NULL
);

CREATE TABLE submission_events (
  id            text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions(id),
  type          text NOT NULL CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment')),
  actor_name    text,
  body          text,
  data          jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL,
  seq           bigint NOT NULL
);

CREATE TABLE comments (
  id          text PRIMARY KEY,
  website_ref text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES customers(id),
  page_url    text NOT NULL,
  body        text NOT NULL,
  posted_at   timestamptz NOT NULL,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  decided_by  text,
  decided_at  timestamptz,
  seq         bigint NOT NULL
);

CREATE TABLE consents (
  id          text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers(id),
  opted_in    boolean NOT NULL,
  channel     text NOT NULL,
  wording     text NOT NULL,
  recorded_at timestamptz NOT NULL,
  seq         bigint NOT NULL
);

CREATE TABLE account_requests (
  id           text PRIMARY KEY,
  customer_id  text NOT NULL REFERENCES customers(id),
  type         text NOT NULL CHECK (type IN ('profile_change', 'deletion')),
  changes      jsonb NOT NULL DEFAULT '{}',
  requested_at timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'pending',
  seq          bigint NOT NULL
);

CREATE TRIGGER customers_seq BEFORE INSERT OR UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE TRIGGER submissions_seq BEFORE INSERT OR UPDATE ON submissions FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE TRIGGER submission_events_seq BEFORE INSERT OR UPDATE ON submission_events FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE TRIGGER comments_seq BEFORE INSERT OR UPDATE ON comments FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE TRIGGER consents_seq BEFORE INSERT OR UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE TRIGGER account_requests_seq BEFORE INSERT OR UPDATE ON account_requests FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX customers_by_seq ON customers (seq);
CREATE INDEX submissions_by_seq ON submissions (seq);
CREATE INDEX submission_events_by_seq ON submission_events (seq);
CREATE INDEX comments_by_seq ON comments (seq);
CREATE INDEX consents_by_seq ON consents (seq);
CREATE INDEX account_requests_by_seq ON account_requests (seq);

-- A retried website post with the same key gets the first answer back, and nothing is written twice.
CREATE TABLE idempotency_keys (
  key            text PRIMARY KEY,
  website_key_id text NOT NULL REFERENCES website_keys(id),
  status         integer NOT NULL,
  response       jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Each desk mutation id is applied at most once; a replay gets the recorded outcome back.
CREATE TABLE applied_mutations (
  id         text PRIMARY KEY,
  device_id  text NOT NULL REFERENCES devices(id),
  outcome    text NOT NULL CHECK (outcome IN ('applied', 'rejected')),
  reason     text,
  current    jsonb,
  applied_at timestamptz NOT NULL DEFAULT now()
);
`;
