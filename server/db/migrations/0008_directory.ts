/**
 * 0008: the organisation's staff directory. People are the same people on every desk: the hub holds each
 * account once (usernames unique without regard to case), desks replicate it by pull, and what a person did
 * names them by id (an assignment's assignee, an event's actor, a comment's decider) instead of by a
 * display name two people may share. The names stay beside the ids as they were at the time, for history.
 */
export default /* sql */ `
CREATE TABLE staff (
  id            text PRIMARY KEY,
  username      text NOT NULL,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('director', 'operator', 'it_admin')),
  grants        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(grants) = 'array'),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  -- A one-time password a director gave out: the person chooses their own at the next sign-in.
  must_change_password boolean NOT NULL DEFAULT false,
  -- When the account was last disabled: a change the person made before then still counts when it arrives.
  disabled_at   timestamptz,
  version       integer NOT NULL DEFAULT 1,
  -- The desk whose standalone accounts brought this person in, if one did.
  joined_from   text REFERENCES devices(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  seq           bigint NOT NULL
);
CREATE UNIQUE INDEX staff_username ON staff (lower(username));
CREATE TRIGGER staff_seq BEFORE INSERT OR UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX staff_by_seq ON staff (seq);

-- Each desk's seat list: who may sign in on that workstation (no row, or null: everyone). Only its own desk
-- pulls it.
CREATE TABLE device_seats (
  id        text PRIMARY KEY REFERENCES devices(id),
  staff_ids jsonb CHECK (staff_ids IS NULL OR jsonb_typeof(staff_ids) = 'array'),
  seq       bigint NOT NULL
);
CREATE TRIGGER device_seats_seq BEFORE INSERT OR UPDATE ON device_seats FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX device_seats_by_seq ON device_seats (seq);

ALTER TABLE submissions ADD COLUMN assignee_id text REFERENCES staff(id);
ALTER TABLE submission_events ADD COLUMN actor_id text REFERENCES staff(id);
ALTER TABLE comments ADD COLUMN decided_by_id text REFERENCES staff(id);
`;
