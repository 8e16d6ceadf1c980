-- Members from online orders and member-code key rotation (issue 15; docs/members.md).

-- A member made from an online order keeps the channel and the order that made them (their first
-- visit is that order's time). Nothing personal: the number stays on the member row alone, so an
-- erasure (PIPL) has nothing more to remove.
ALTER TABLE members
  ADD COLUMN created_channel text CHECK (created_channel IN ('online_delivery', 'online_pickup')),
  ADD COLUMN created_online_order_id uuid,
  ADD CONSTRAINT members_created_channel CHECK ((created_via = 'online_order') = (created_channel IS NOT NULL));

-- The channel's own order id is the idempotency key of an online order: the same id again answers
-- the order placed the first time. `request_hash` is SHA-256 of what was asked, the customer's
-- number left out (a hash of a phone number is the number to anyone who tries them all): a replay
-- asking something else is refused.
ALTER TABLE online_orders ADD COLUMN request_hash text;

-- Member-code keys retire: after `retired_at` (unix seconds) no code naming the key is believed,
-- whatever it claims. A rotation sets the previous key's to the end of the overlap window and
-- retires any older key at once.
ALTER TABLE member_keys ADD COLUMN retired_at bigint;
