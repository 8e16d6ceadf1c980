-- Reserved for branch i15-points, whose migration takes this number when it merges: the loader
-- refuses gaps, so branch i15-segments keeps this empty stand-in for its own 0016. Delete it at merge.
SELECT 1;
