-- Member-only and new-customer campaigns, and per-member limits (issue 15 item 4; docs/members.md,
-- "Member campaigns"). A campaign's audience and limit travel in its `rules` jsonb, so campaigns
-- made before keep their rules and read as open to everyone.

-- The member a redemption was made for: named by the till when it holds a voucher, taken from the
-- sale (member_orders) when the voucher is pushed. The per-member limit counts a member's live
-- redemptions in the campaign, and the new-customer rule a member's live new-customer redemptions
-- on other orders. Redemptions made before this have none and count toward no member.
ALTER TABLE redemptions ADD COLUMN member_id uuid;
CREATE INDEX redemptions_member ON redemptions (member_id, campaign_id)
  WHERE member_id IS NOT NULL AND state IN ('HELD', 'CAPTURED');

-- A loss is either a conflict (another redemption took the voucher first: the winner is named), or
-- a member rule the platform could not honour for a redemption the till decided alone (no member
-- on the sale, a member of a lower tier, a returning customer, past the per-member limit): the
-- refusal's code and params are kept, as the push answered them, with the sale's member if any.
ALTER TABLE loss_events ADD COLUMN reason text NOT NULL DEFAULT 'conflict'
  CONSTRAINT loss_events_reason CHECK (reason IN ('conflict', 'member_rule'));
ALTER TABLE loss_events ADD COLUMN refusal jsonb;
ALTER TABLE loss_events ADD COLUMN member_id uuid;
ALTER TABLE loss_events ALTER COLUMN winner_redemption_id DROP NOT NULL;
ALTER TABLE loss_events ALTER COLUMN winner_store_id DROP NOT NULL;
ALTER TABLE loss_events ALTER COLUMN winner_at DROP NOT NULL;
ALTER TABLE loss_events ADD CONSTRAINT loss_events_reason_shape CHECK (
  CASE reason
    WHEN 'conflict' THEN winner_redemption_id IS NOT NULL AND winner_store_id IS NOT NULL AND winner_at IS NOT NULL
      AND refusal IS NULL
    ELSE winner_redemption_id IS NULL AND winner_store_id IS NULL AND winner_at IS NULL AND refusal IS NOT NULL
  END
);
