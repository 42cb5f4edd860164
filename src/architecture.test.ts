import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md's "Where is" table is how a newcomer finds things: a path in it that no longer
// exists (a file moved or renamed without the guide) fails here.
const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(`${root}/ARCHITECTURE.md`, 'utf8');

/** The table's rows as [what, paths named in the row]. */
function whereIs(markdown: string): [string, string[]][] {
	const section = markdown.split(/^## Where is\s*$/m)[1]?.split(/^## /m)[0] ?? '';
	return section
		.split('\n')
		.filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
		.slice(1) // the header row
		.map((line) => {
			const [what = '', where = ''] = line
				.split('|')
				.slice(1)
				.map((cell) => cell.trim());
			return [what, [...where.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)];
		});
}

describe('ARCHITECTURE.md, "Where is"', () => {
	const rows = whereIs(guide);

	it('has at least 20 rows, each naming at least one path', () => {
		expect(rows.length).toBeGreaterThanOrEqual(20);
		for (const [what, paths] of rows) expect(paths, what).not.toEqual([]);
	});

	it('names only paths that exist', () => {
		const missing = rows.flatMap(([what, paths]) =>
			paths.filter((p) => !existsSync(`${root}/${p}`)).map((p) => `${what}: ${p}`)
		);
		expect(missing).toEqual([]);
	});

	it('reads the table as a reader would (a row that names a missing path is caught)', () => {
		const sample =
			'## Where is\n\n| what | where |\n| - | - |\n| x | `src/lib/nowhere.ts`, `src/lib/db/db.ts` |\n## Next\n';
		const [[what, paths]] = whereIs(sample) as [[string, string[]]];
		expect(what).toBe('x');
		expect(paths.filter((p) => !existsSync(`${root}/${p}`))).toEqual(['src/lib/nowhere.ts']);
	});
});
