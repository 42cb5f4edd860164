import {
	mergeParentFor,
	nestProblem,
	remapCodes,
	type CodeContent
} from '$lib/domain/codebook/code';
import { STARTER_CODES } from '$lib/domain/codebook/starter';
import { change, commit } from '$lib/db/commit';
import { codesRepo, type Code } from '$lib/db/codes.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { singletonId } from '$lib/domain/records/ids';

/**
 * The starter codes have fixed ids (so every device's starter codebook is the same records and
 * backups and team packages merge them instead of duplicating) and pristine ones carry time 1
 * and an empty version vector, so any edited version, from anywhere, wins over them.
 */
export function starterCodeId(index: number): string {
	return singletonId(`STC${String(index).padStart(3, '0')}`);
}

/** Adds the starter codes this workspace does not have yet (a deleted one stays deleted). */
export async function ensureStarterCodebook(): Promise<void> {
	const ids = STARTER_CODES.map((_, i) => starterCodeId(i));
	const existing = await codesRepo.getMany(ids);
	const idOfKey = new Map(STARTER_CODES.map((s, i) => [s.key, ids[i]!]));
	const created = STARTER_CODES.flatMap((s, i) => {
		if (existing[i]) return [];
		const code = codesRepo.prepare(
			{
				label: { en: s.en, da: s.da },
				definition: { en: s.defEn, da: s.defDa },
				parentId: s.parent ? (idOfKey.get(s.parent) ?? null) : null,
				starterKey: s.key
			},
			PRISTINE_TIME,
			ids[i]
		);
		return [{ ...code, rev: {} }];
	});
	await commit([change(codesRepo, created)]);
}

const PRISTINE_TIME = 1;

export async function addCode(
	content: Partial<CodeContent> & Pick<CodeContent, 'label'>
): Promise<Code> {
	return codesRepo.create(content);
}

export async function editCode(id: string, patch: Partial<CodeContent>): Promise<Code> {
	return codesRepo.update(id, patch);
}

export class NestError extends Error {
	override readonly name = 'NestError';
	constructor(readonly problem: string) {
		super(problem);
	}
}

export async function nestCode(childId: string, parentId: string | null): Promise<void> {
	if (parentId) {
		const problem = nestProblem(childId, parentId, await codesRepo.list());
		if (problem) throw new NestError(problem);
	}
	await codesRepo.update(childId, { parentId });
}

/** Merges `fromId` into `toId`: notes are re-coded, children moved, the merged code trashed. */
export async function mergeCodes(fromId: string, toId: string): Promise<{ notesChanged: number }> {
	if (fromId === toId) return { notesChanged: 0 };
	const [from, to] = [await codesRepo.require(fromId), await codesRepo.require(toId)];
	const all = await codesRepo.list();
	const now = Date.now();
	const newParent = mergeParentFor(to);
	const children = all
		.filter((c) => c.parentId === from.id && c.id !== to.id)
		.map((c) => codesRepo.touch(c, { parentId: newParent }, now));
	const notes = (await notesRepo.list())
		.filter((n) => n.codeIds.includes(from.id))
		.map((n) => notesRepo.touch(n, { codeIds: remapCodes(n.codeIds, from.id, to.id) }, now));
	const merged = codesRepo.touch(from, { mergedInto: to.id, deletedAt: now }, now);
	await commit([change(codesRepo, [...children, merged]), change(notesRepo, notes)]);
	return { notesChanged: notes.length };
}

/** Moves a code to the trash (notes keep its id; restoring brings the label back). */
export async function removeCode(id: string): Promise<void> {
	await codesRepo.remove(id);
}

export async function restoreCode(id: string): Promise<void> {
	await codesRepo.restore(id);
}
