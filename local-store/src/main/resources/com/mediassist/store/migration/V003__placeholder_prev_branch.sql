-- PLACEHOLDER on branch prev only, so that V004 runs without a gap. The lead drops this file at merge
-- (the real V003 comes from another branch).
DROP TABLE IF EXISTS reserved_placeholder_v003;
