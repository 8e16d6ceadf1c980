-- Member-code key rotation (issue 15; docs/members.md, "Rotating the member-code key"): a key the
-- platform retired believes no code from `retired_at` (unix seconds) on. Null: in use, as every
-- key pulled before this migration was. (Numbered 0019 on main; 0017 in this branch because the
-- loader refuses gaps.)
ALTER TABLE member_keys ADD COLUMN retired_at INTEGER CHECK (retired_at IS NULL OR retired_at >= 0);
