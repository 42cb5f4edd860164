import type { ConsentRecord } from '$lib/domain/participants/participant';

/** A consent recorded in writing, for tests that grant scopes (granting needs a record). */
export const GIVEN: ConsentRecord = {
	givenAt: Date.UTC(2026, 0, 5),
	form: 'written',
	sheetVersion: 'v2'
};
