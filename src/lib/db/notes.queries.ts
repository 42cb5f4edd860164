import type { Row } from './db';
import { db } from './workspace';

/** Every note row, trash included, for a live query (decoded outside it: Dexie's rule). */
export function allNoteRows(): Promise<Row[]> {
	return db().notes.toArray();
}
