/**
 * The suite runs on PostgreSQL as well as PGlite, and never skips that half silently: without a
 * server (RELAY_TEST_DATABASE_URL, which `npm run test:server` provides when PostgreSQL is
 * installed) it stops here, unless RELAY_TEST_SKIP_POSTGRES=1 says to run on PGlite alone.
 */
export default function setup() {
	if (process.env.RELAY_TEST_DATABASE_URL || process.env.RELAY_TEST_SKIP_POSTGRES) return;
	throw new Error(
		'The relay tests need PostgreSQL as well as PGlite. Install it (Debian: apt-get install ' +
			'postgresql) and run `npm run test:server`, which starts a throw-away cluster; or set ' +
			'RELAY_TEST_DATABASE_URL to a server where the tests may create databases; or set ' +
			'RELAY_TEST_SKIP_POSTGRES=1 to run on PGlite only.'
	);
}
