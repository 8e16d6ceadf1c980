-- Member pricing and refunds (issue 15; docs/members.md). The tier ladder with its benefits lives in
-- member_settings.ladder already (0006); what is new is who changed it, and growth taken back when
-- a member's sale is refunded.

-- What a sale's refunds took back of the growth it earned so far; never more than `growth`. The
-- order's total is kept beside it: each refund takes back its share of the growth in proportion
-- to the money refunded of that total (docs/members.md, "Refunds").
ALTER TABLE member_orders ADD COLUMN total bigint;
ALTER TABLE member_orders ADD COLUMN growth_reversed bigint NOT NULL DEFAULT 0;
ALTER TABLE member_orders ADD CONSTRAINT member_orders_reversed CHECK (growth_reversed BETWEEN 0 AND growth);
UPDATE member_orders mo SET total = o.total
  FROM orders o WHERE o.store_id = mo.store_id AND o.id = mo.order_id;

-- Every change of the brand's member settings (the tier ladder and its benefits), by whom and when.
CREATE TABLE member_settings_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor text NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL,
  at bigint NOT NULL
);
