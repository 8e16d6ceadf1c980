-- When each device last asked for changes (a pull or a long poll), by the platform clock. An offline
-- decision a device pushes cannot predate it by more than the clock skew, and its age bounds offline
-- redemptions as the store's risk limits say. NULL: paired before this column, nothing known yet.
ALTER TABLE devices ADD COLUMN last_pull_at bigint;

-- A device's and a store's offline exposure at a decision time, counted when an offline redemption
-- is pushed.
CREATE INDEX redemptions_device ON redemptions (device_id, decided_at);
CREATE INDEX redemptions_offline_store ON redemptions (store_id, decided_at) WHERE mode = 'offline';

-- What a refund may still give back is judged against the order's earlier refunds.
CREATE INDEX refunds_order ON refunds (store_id, order_id);
