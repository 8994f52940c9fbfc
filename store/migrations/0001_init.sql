-- 0001: the whole first schema. Times are fixed-width RFC 3339 UTC text
-- (2006-01-02T15:04:05.000000000Z) so that string order is time order;
-- NULL is the zero time. Tables are STRICT so a wrong type is an error, not a
-- silent conversion.

CREATE TABLE sites (
	id                INTEGER PRIMARY KEY,
	url               TEXT    NOT NULL,            -- as imported
	norm_url          TEXT    NOT NULL UNIQUE,     -- idempotence key
	name              TEXT    NOT NULL DEFAULT '',
	added_at          TEXT    NOT NULL,
	platform          TEXT    NOT NULL DEFAULT '',
	platform_version  TEXT    NOT NULL DEFAULT '',
	last_crawl        TEXT,
	last_result       TEXT    NOT NULL DEFAULT '',
	status            TEXT    NOT NULL DEFAULT '',
	score             REAL    NOT NULL DEFAULT 0,
	factors           TEXT    NOT NULL DEFAULT '[]',
	extraction_failed INTEGER NOT NULL DEFAULT 0,
	notices_seen      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- One row per request: the evidence record (status, validators, hash).
CREATE TABLE fetches (
	id            INTEGER PRIMARY KEY,
	site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
	url           TEXT    NOT NULL,
	final_url     TEXT    NOT NULL DEFAULT '',
	kind          TEXT    NOT NULL DEFAULT '',
	fetched_at    TEXT    NOT NULL,
	status        INTEGER NOT NULL DEFAULT 0,
	content_type  TEXT    NOT NULL DEFAULT '',
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	sha256        TEXT    NOT NULL DEFAULT '', -- no foreign key: snapshots are pruned
	truncated     INTEGER NOT NULL DEFAULT 0,
	charset       TEXT    NOT NULL DEFAULT '',
	readable      INTEGER NOT NULL DEFAULT 0,
	not_modified  INTEGER NOT NULL DEFAULT 0,
	unchanged     INTEGER NOT NULL DEFAULT 0,
	err_kind      TEXT    NOT NULL DEFAULT '',
	err           TEXT    NOT NULL DEFAULT '',
	links         TEXT    NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX fetches_url ON fetches(url, id);
CREATE INDEX fetches_site ON fetches(site_id, fetched_at, id);

-- Raw bodies, deduplicated by hash and compressed (encoding names how).
CREATE TABLE snapshots (
	sha256       TEXT    PRIMARY KEY,
	encoding     TEXT    NOT NULL,
	body         BLOB    NOT NULL,
	size         INTEGER NOT NULL,
	content_type TEXT    NOT NULL DEFAULT '',
	charset      TEXT    NOT NULL DEFAULT '',
	first_seen   TEXT    NOT NULL,
	last_seen    TEXT    NOT NULL
) STRICT;
CREATE INDEX snapshots_last_seen ON snapshots(last_seen);

-- Notices, deduplicated per site by a hash of normalised title + body.
CREATE TABLE notices (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
	hash         TEXT    NOT NULL,
	url          TEXT    NOT NULL DEFAULT '',
	date         TEXT,
	date_text    TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	body         TEXT    NOT NULL DEFAULT '',
	detail_url   TEXT    NOT NULL DEFAULT '',
	fetch_sha256 TEXT    NOT NULL DEFAULT '',
	first_seen   TEXT    NOT NULL,
	UNIQUE (site_id, hash)
) STRICT;

CREATE TABLE classifications (
	id            INTEGER PRIMARY KEY,
	notice_id     INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
	label         TEXT    NOT NULL,
	score         REAL    NOT NULL,
	evidence      TEXT    NOT NULL DEFAULT '[]',
	classified_at TEXT    NOT NULL
) STRICT;
CREATE INDEX classifications_notice ON classifications(notice_id);

CREATE TABLE observations (
	id             INTEGER PRIMARY KEY,
	site_id        INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
	notice_id      INTEGER REFERENCES notices(id) ON DELETE SET NULL,
	kind           TEXT    NOT NULL,
	seen           TEXT    NOT NULL,
	date           TEXT,
	url            TEXT    NOT NULL DEFAULT '',
	sha256         TEXT    NOT NULL DEFAULT '',
	title          TEXT    NOT NULL DEFAULT '',
	text           TEXT    NOT NULL DEFAULT '',
	label          TEXT    NOT NULL DEFAULT '',
	score          REAL    NOT NULL DEFAULT 0,
	reasons        TEXT    NOT NULL DEFAULT '[]',
	card_available INTEGER NOT NULL DEFAULT 0,
	other_methods  INTEGER NOT NULL DEFAULT 0,
	fingerprint    TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX observations_site ON observations(site_id, seen, id);
CREATE INDEX observations_fingerprint ON observations(fingerprint, seen);
CREATE INDEX observations_fingerprint_date ON observations(fingerprint, date);

CREATE TABLE episodes (
	id            INTEGER PRIMARY KEY,
	site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
	key           TEXT    NOT NULL,
	status        TEXT    NOT NULL,
	score         REAL    NOT NULL DEFAULT 0,
	opened        TEXT    NOT NULL,
	first_flagged TEXT,
	updated       TEXT    NOT NULL,
	closed        TEXT,
	lead_time     INTEGER NOT NULL DEFAULT 0, -- nanoseconds
	factors       TEXT    NOT NULL DEFAULT '[]',
	evidence      TEXT    NOT NULL DEFAULT '[]',
	history       TEXT    NOT NULL DEFAULT '[]',
	UNIQUE (site_id, key)
) STRICT;
CREATE INDEX episodes_updated ON episodes(updated, id);
