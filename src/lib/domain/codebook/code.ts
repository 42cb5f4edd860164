import { z } from 'zod';
import { Id } from '../records/record';

const Text = (max: number) => z.string().trim().max(max).default('');

/** A code has a label and a definition in Danish and English; either may be empty. */
export const CodeContent = z.object({
	label: z
		.object({ en: Text(80), da: Text(80) })
		.refine((l) => l.en || l.da, 'a code needs a label'),
	definition: z.object({ en: Text(2000), da: Text(2000) }).default({ en: '', da: '' }),
	/** Codes nest one level: a child's parent is always a top-level code. */
	parentId: Id.nullable().default(null),
	/** Set when merged into another code (the merged code is then in the trash). */
	mergedInto: Id.nullable().default(null),
	/** Which starter code this began as, so a second starter import adds nothing twice. */
	starterKey: z.string().max(40).nullable().default(null)
});
export type CodeContent = z.infer<typeof CodeContent>;

export type Lang = 'en' | 'da';

export function codeLabel(code: Pick<CodeContent, 'label'>, lang: Lang): string {
	return code.label[lang] || code.label[lang === 'en' ? 'da' : 'en'];
}

export function codeDefinition(code: Pick<CodeContent, 'definition'>, lang: Lang): string {
	return code.definition[lang] || code.definition[lang === 'en' ? 'da' : 'en'];
}

interface CodeNode {
	id: string;
	parentId: string | null;
}

export type NestProblem = 'self' | 'parent-is-child' | 'child-has-children';

/** Whether `childId` may be put under `parentId`, keeping the codebook one level deep. */
export function nestProblem(
	childId: string,
	parentId: string,
	codes: readonly CodeNode[]
): NestProblem | null {
	if (childId === parentId) return 'self';
	const parent = codes.find((c) => c.id === parentId);
	if (parent?.parentId) return 'parent-is-child';
	if (codes.some((c) => c.parentId === childId)) return 'child-has-children';
	return null;
}

/** Where the children of a merged code go: under the target, or its parent when it is itself a child. */
export function mergeParentFor(target: CodeNode): string {
	return target.parentId ?? target.id;
}

/** Replaces merged codes in a note's code list, without duplicates. */
export function remapCodes(codeIds: readonly string[], from: string, to: string): string[] {
	return [...new Set(codeIds.map((id) => (id === from ? to : id)))];
}

/** Top-level codes in label order, each followed by its children: the order of every chooser. */
export function codebookOrder<T extends CodeNode & Pick<CodeContent, 'label'>>(
	codes: readonly T[],
	lang: Lang
): T[] {
	const byLabel = (a: T, b: T) => codeLabel(a, lang).localeCompare(codeLabel(b, lang), lang);
	const top = codes
		.filter((c) => !c.parentId || !codes.some((p) => p.id === c.parentId))
		.sort(byLabel);
	return top.flatMap((t) => [t, ...codes.filter((c) => c.parentId === t.id).sort(byLabel)]);
}
