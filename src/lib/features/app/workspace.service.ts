import { db } from '$lib/db/workspace';

/** No notes and no participants yet (the starter codebook does not count). */
export async function isWorkspaceEmpty(): Promise<boolean> {
	const d = db();
	const [notes, participants] = await Promise.all([d.notes.count(), d.participants.count()]);
	return notes === 0 && participants === 0;
}
