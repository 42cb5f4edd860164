import { CodeContent, type Lang } from '../codebook/code';
import { QdcError, type QdcCode } from './codebook-read';
import type { QdaCode } from './model';

/**
 * Merging an imported codebook into ours by name. A code whose name is already a label of one of
 * ours (in either language; case and spacing aside) is that code: its description is added to the
 * definition in the UI's language unless the definition already says it. Any other code is added,
 * labelled in the UI's language. Nothing of ours is removed, renamed or moved, and nothing of the
 * file is dropped but what the codebook cannot hold: codes nest one level here, so a code deeper
 * down goes under its top-level code ("flattened").
 */

/** A code of ours, as the export knows it too. */
export type ExistingCode = QdaCode;

export interface NewCode {
	/** Its place in `created`; a child's parent may be another new code (`parentKey`). */
	key: number;
	parentKey: number | null;
	parentId: string | null;
	label: { en: string; da: string };
	definition: { en: string; da: string };
}

export interface MergePlan {
	created: NewCode[];
	/** Existing codes whose definition grows, with the whole new definition. */
	updated: { id: string; definition: { en: string; da: string } }[];
	/** Imported codes that were already in the codebook (by name). */
	matched: number;
	/** Codes nested deeper than one level, put under their top-level code. */
	flattened: number;
}

type Target = { kind: 'existing'; code: ExistingCode } | { kind: 'new'; code: NewCode };
type Parent = { parentId: string | null; parentKey: number | null };

const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

function isChild(t: Target): boolean {
	return t.code.parentId !== null || (t.kind === 'new' && t.code.parentKey !== null);
}

/** Where children of `t` go, keeping one level: under `t`, or under its parent if it is a child. */
function parentFor(t: Target): Parent {
	if (t.kind === 'existing') return { parentId: t.code.parentId ?? t.code.id, parentKey: null };
	const c = t.code;
	if (c.parentKey !== null || c.parentId !== null)
		return { parentId: c.parentId, parentKey: c.parentKey };
	return { parentId: null, parentKey: c.key };
}

/** The definition with `description` added, or null when it already says it. */
function withDescription(
	def: { en: string; da: string },
	description: string,
	lang: Lang
): { en: string; da: string } | null {
	if (!description || def.en.includes(description) || def.da.includes(description)) return null;
	return { ...def, [lang]: def[lang] ? `${def[lang]}\n\n${description}` : description };
}

export function planCodebookMerge(
	existing: readonly ExistingCode[],
	imported: readonly QdcCode[],
	lang: Lang
): MergePlan {
	const byName = new Map<string, Target>();
	for (const code of existing)
		for (const label of [code.label[lang], code.label[lang === 'en' ? 'da' : 'en']])
			if (label && !byName.has(nameKey(label)))
				byName.set(nameKey(label), { kind: 'existing', code });
	const created: NewCode[] = [];
	const updated = new Map<string, { en: string; da: string }>();
	let matched = 0;
	let flattened = 0;

	const describe = (t: Target, description: string) => {
		if (t.kind === 'new') {
			t.code.definition =
				withDescription(t.code.definition, description, lang) ?? t.code.definition;
			return;
		}
		const def = updated.get(t.code.id) ?? t.code.definition;
		const next = withDescription(def, description, lang);
		if (next) updated.set(t.code.id, next);
	};

	const walk = (code: QdcCode, parent: Target | null): void => {
		let target = byName.get(nameKey(code.name));
		if (!target) {
			const fresh: NewCode = {
				key: created.length,
				...(parent ? parentFor(parent) : { parentId: null, parentKey: null }),
				label: { en: '', da: '', [lang]: code.name },
				definition: { en: '', da: '' }
			};
			created.push(fresh);
			target = { kind: 'new', code: fresh };
			byName.set(nameKey(code.name), target);
			if (parent && isChild(parent)) flattened++;
		} else if (target.kind === 'existing') matched++;
		describe(target, code.description);
		for (const child of code.children) walk(child, target);
	};
	for (const code of imported) walk(code, null);

	// The same rules as every code written here, checked before anything is: all or nothing.
	for (const c of created)
		if (!CodeContent.safeParse({ label: c.label, definition: c.definition }).success)
			throw new QdcError('invalid-code', c.label[lang]);
	for (const [id, definition] of updated)
		if (!CodeContent.shape.definition.safeParse(definition).success)
			throw new QdcError('invalid-code', existing.find((c) => c.id === id)?.label[lang]);

	return {
		created,
		updated: [...updated].map(([id, definition]) => ({ id, definition })),
		matched,
		flattened
	};
}
