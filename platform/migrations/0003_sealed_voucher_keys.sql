-- The voucher signing private keys are sealed at rest (issue 13): AES-256-GCM under a
-- key-encryption key that is never in the database (COUNTER_PLATFORM_KEK, --kek-file, or the
-- data folder's voucher-kek file), so a copy of the database alone cannot sign a voucher.
-- SQL cannot encrypt: this migration's code step (sealPlainKeys in platform/vouchers/keys.ts) seals
-- every private_key into private_key_sealed in this same transaction, then drops private_key and
-- makes private_key_sealed NOT NULL. The platform then rewrites the table (VACUUM FULL) so the
-- dropped column's bytes do not stay behind in its pages.
-- code step: sealed_voucher_keys
ALTER TABLE voucher_keys ADD COLUMN private_key_sealed text;
