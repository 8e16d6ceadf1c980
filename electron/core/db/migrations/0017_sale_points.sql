-- A member's points at the sale (issue 15; docs/members.md, "The points tender"): the balance
-- the till knew before it, the points it earns by the store's rules then, and whether the platform
-- stood behind the balance ('online': it held the points spent, or the till was in touch with it)
-- or the balance was as last known here ('offline'; a spend then is provisional). Written with the
-- order, never changed after (the triggers of 0012 stand), so every reprint says the same. NULL on a
-- sale from before, or to a member known by id alone (no balance to start from).
ALTER TABLE order_members ADD COLUMN points_before INTEGER CHECK (points_before IS NULL OR points_before >= 0);
ALTER TABLE order_members ADD COLUMN points_earned INTEGER CHECK (points_earned IS NULL OR points_earned >= 0);
ALTER TABLE order_members ADD COLUMN points_known TEXT CHECK (points_known IN ('online', 'offline'));
