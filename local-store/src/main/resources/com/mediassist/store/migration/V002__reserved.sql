-- Reserved: version 2 belongs to another branch (merge: take that branch's V002 and drop this file).
-- The migration runner refuses gaps, so this branch carries an empty version 2 to reach version 3.
PRAGMA user_version = 2;
