-- The relay's tables. Applied once, in order, on PGlite and on PostgreSQL alike (db/migrate.ts);
-- never edit a migration that has shipped: add the next one.

-- One row per team: its counter. `head` is the last sequence number given out; a push takes this
-- row's lock, numbers its new envelopes head+1… and moves head in the same transaction, so
-- numbers are given out in commit order and without gaps, whatever happens to the process.
CREATE TABLE teams (
	id text PRIMARY KEY,
	head bigint NOT NULL DEFAULT 0,
	log_bytes bigint NOT NULL DEFAULT 0,
	generation integer NOT NULL DEFAULT 1
);

CREATE TABLE devices (
	team_id text NOT NULL REFERENCES teams (id),
	id text NOT NULL,
	signing_key text NOT NULL,
	box_key text NOT NULL,
	role text NOT NULL CHECK (role IN ('admin', 'member')),
	status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed', 'left')),
	-- Hash of the invite used and the joining device's proof (opaque here; checked by the admin).
	invite text,
	proof text,
	PRIMARY KEY (team_id, id)
);

-- Invites by the SHA-256 of their id: a copy of the database holds no usable invite.
CREATE TABLE invites (
	hash text PRIMARY KEY,
	team_id text NOT NULL REFERENCES teams (id),
	expires_at bigint NOT NULL,
	used_by text
);

-- The team key of each generation, wrapped (by a member's device) for each device it is for.
CREATE TABLE key_wraps (
	team_id text NOT NULL REFERENCES teams (id),
	generation integer NOT NULL,
	device_id text NOT NULL,
	wrapped text NOT NULL,
	wrapped_by text NOT NULL,
	PRIMARY KEY (team_id, generation, device_id)
);

-- The log. No pusher, no time: only what a pull hands back.
CREATE TABLE envelopes (
	team_id text NOT NULL REFERENCES teams (id),
	seq bigint NOT NULL,
	id text NOT NULL,
	generation integer NOT NULL,
	nonce text NOT NULL,
	ciphertext bytea NOT NULL,
	PRIMARY KEY (team_id, seq),
	UNIQUE (team_id, id)
);

-- Nonces of signed requests seen within the time window (older ones are deleted).
CREATE TABLE request_nonces (
	device_id text NOT NULL,
	nonce text NOT NULL,
	expires_at bigint NOT NULL,
	PRIMARY KEY (device_id, nonce)
);
CREATE INDEX request_nonces_expiry ON request_nonces (expires_at);
