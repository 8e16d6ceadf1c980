-- Brands and their owners (issue 16, docs/franchise.md). An owner signs in with their own login and
-- password and sees the stores of their organisation only; the operator's admin token is not theirs.
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at bigint NOT NULL
);

-- A store belongs to at most one organisation; until the operator assigns it, no owner sees it.
ALTER TABLE stores ADD COLUMN organisation_id uuid REFERENCES organisations (id);
CREATE INDEX stores_organisation ON stores (organisation_id);

-- `password_hash` is scrypt's, with its salt and cost in the text; NULL until the invitation is
-- redeemed. A revoked owner signs in no more and every session of theirs is refused.
CREATE TABLE owners (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text,
  invited_at bigint NOT NULL,
  activated_at bigint,
  revoked_at bigint
);
CREATE INDEX owners_organisation ON owners (organisation_id);

-- Only the hash of an invitation code is kept; the first redemption spends it.
CREATE TABLE owner_invitations (
  code_hash text PRIMARY KEY,
  owner_id uuid NOT NULL REFERENCES owners (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);

-- Only the hash of a session token is kept. Signing out ends one; revoking the owner ends them all.
CREATE TABLE owner_sessions (
  token_hash text PRIMARY KEY,
  owner_id uuid NOT NULL REFERENCES owners (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX owner_sessions_owner ON owner_sessions (owner_id);

-- Sign-in attempts per login in the current window. Counted here, not in a process's memory, so
-- the limit holds however many platform processes share the database.
CREATE TABLE owner_sign_in_attempts (
  login text PRIMARY KEY,
  window_start bigint NOT NULL,
  attempts integer NOT NULL
);

-- Who changed what on the platform: the operator, an owner, or a device. Append-only. Secrets
-- (passwords, codes, tokens) are never written here.
CREATE TABLE platform_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_kind text NOT NULL CHECK (actor_kind IN ('operator', 'owner', 'device', 'public')),
  actor_id text,
  organisation_id uuid,
  store_id uuid,
  action text NOT NULL,
  detail jsonb NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX platform_audit_organisation ON platform_audit (organisation_id, id);
