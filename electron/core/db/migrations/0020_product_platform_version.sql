-- The franchise catalog both ways (issue 16, docs/franchise.md): the version of the platform's
-- catalog change a product last came with, which a change made here names so the platform can refuse
-- it if the product moved since. NULL: the product never came from the platform, so on a paired till
-- it is the store's own (local only).
ALTER TABLE products ADD COLUMN platform_version INTEGER;
