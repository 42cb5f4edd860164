import type { Lang } from '$lib/domain/codebook/code';
import { planCodebookMerge } from '$lib/domain/qda/codebook-merge';
import { QDC_MAX_BYTES, QdcError, readQdc } from '$lib/domain/qda/codebook-read';
import { change, commit } from '$lib/db/commit';
import { codesRepo } from '$lib/db/codes.repo';
import { newId } from '$lib/domain/records/ids';

export interface CodebookImport {
	added: number;
	matched: number;
	updated: number;
	flattened: number;
}

/**
 * Merges a REFI-QDA codebook file into the codebook by name (see codebook-merge.ts), in one
 * transaction. A file that is not a codebook throws QdcError, and nothing is written.
 */
export async function importCodebook(
	file: { size: number; arrayBuffer: () => Promise<ArrayBuffer> },
	lang: Lang
): Promise<CodebookImport> {
	if (file.size > QDC_MAX_BYTES) throw new QdcError('too-large');
	const imported = readQdc(new Uint8Array(await file.arrayBuffer()));
	const existing = await codesRepo.list();
	const plan = planCodebookMerge(existing, imported, lang);

	const now = Date.now();
	const ids = plan.created.map(() => newId());
	const created = plan.created.map((c, i) =>
		codesRepo.prepare(
			{
				label: c.label,
				definition: c.definition,
				parentId: c.parentKey !== null ? ids[c.parentKey]! : c.parentId
			},
			now,
			ids[i]
		)
	);
	const byId = new Map(existing.map((c) => [c.id, c]));
	const updated = plan.updated.map(({ id, definition }) =>
		codesRepo.touch(byId.get(id)!, { definition }, now)
	);
	await commit([change(codesRepo, [...created, ...updated])]);
	return {
		added: created.length,
		matched: plan.matched,
		updated: updated.length,
		flattened: plan.flattened
	};
}
