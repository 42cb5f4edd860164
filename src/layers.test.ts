import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule in eslint.config.js (ARCHITECTURE.md, "Layers") run on small fixtures placed,
// by their file path, in each layer: a wrong import must be an error, so the rule cannot
// silently stop working; a right one must pass, so it is the import that fails and not the file.
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({
	cwd: root,
	// The fixtures are not on disk, so TypeScript's project cannot hold them: lint them without
	// type information (the two rules that need it are not what is tested here).
	overrideConfig: {
		languageOptions: { parserOptions: { projectService: false } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'off',
			'@typescript-eslint/no-misused-promises': 'off'
		}
	}
});

const RULE = '@typescript-eslint/no-restricted-imports';

async function layerErrors(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
	const messages = result?.messages ?? [];
	// A fixture that does not parse would pass for the wrong reason.
	expect(messages.filter((m) => m.fatal)).toEqual([]);
	return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const svelte = (script: string) => `<script lang="ts">\n${script}\n</script>\n`;

describe('the layer rule', () => {
	it('refuses a screen or component that imports a value from db/, and allows its types', async () => {
		const wrong = svelte("\timport { notesRepo } from '$lib/db/notes.repo';\n\tvoid notesRepo;");
		expect(await layerErrors('src/routes/notes/Fixture.svelte', wrong)).toHaveLength(1);
		expect(await layerErrors('src/lib/components/Fixture.svelte', wrong)).toHaveLength(1);
		const types = svelte(
			"\timport type { Note } from '$lib/db/notes.repo';\n\tlet { note }: { note: Note } = $props();\n\tvoid note;"
		);
		expect(await layerErrors('src/routes/notes/Fixture.svelte', types)).toEqual([]);
	});

	it('refuses runes state that imports Dexie or the Dexie instance', async () => {
		const state = 'src/lib/features/notes/fixture.svelte.ts';
		expect(
			await layerErrors(state, "import { liveQuery } from 'dexie';\nvoid liveQuery;\n")
		).toHaveLength(1);
		const instance = "import { db } from '$lib/db/workspace';\nvoid db;\n";
		expect(await layerErrors(state, instance)).toHaveLength(1);
		// A service may use the instance; state reads through db/*.queries.ts.
		expect(await layerErrors('src/lib/features/notes/fixture.service.ts', instance)).toEqual([]);
		const query = "import { allNoteRows } from '$lib/db/notes.queries';\nvoid allNoteRows;\n";
		expect(await layerErrors(state, query)).toEqual([]);
	});

	it('refuses crypto that imports db/, and a lower layer that imports a higher one', async () => {
		const codec = "import { seal } from '$lib/db/codec';\nvoid seal;\n";
		expect(await layerErrors('src/lib/crypto/fixture.ts', codec)).toHaveLength(1);
		const feature =
			"import { saveNote } from '$lib/features/notes/notes.service';\nvoid saveNote;\n";
		expect(await layerErrors('src/lib/db/fixture.ts', feature)).toHaveLength(1);
		const component = "import Dialog from '$lib/components/Dialog.svelte';\nvoid Dialog;\n";
		expect(await layerErrors('src/lib/features/notes/fixture.service.ts', component)).toHaveLength(
			1
		);
	});

	it('refuses a relative import that leaves its folder, which the layer patterns would not see', async () => {
		const service = 'src/lib/features/notes/fixture.service.ts';
		for (const spec of ['../../db/workspace', '../places/places.service'])
			expect(
				await layerErrors(service, `import * as x from '${spec}';\nvoid x;\n`),
				spec
			).toHaveLength(1);
		const sibling = "import { saveNote } from './notes.service';\nvoid saveNote;\n";
		expect(await layerErrors(service, sibling)).toEqual([]);
	});

	it('keeps the domain pure: nothing of ours outside domain/, no Svelte, Dexie or MapLibre', async () => {
		const path = 'src/lib/domain/notes/fixture.ts';
		for (const spec of [
			'$lib/db/notes.repo',
			'../../db/notes.repo',
			'svelte',
			'dexie',
			'maplibre-gl'
		])
			expect(
				await layerErrors(path, `import * as x from '${spec}';\nvoid x;\n`),
				spec
			).toHaveLength(1);
		const inside =
			"import { fold } from '$lib/domain/text/fold';\nimport { Id } from '../records/record';\nvoid fold;\nvoid Id;\n";
		expect(await layerErrors(path, inside)).toEqual([]);
	});

	it('keeps test fixtures out of production code, and lets tests import across layers', async () => {
		const fixture =
			"import { freshWorkspace } from '$lib/testing/workspace';\nvoid freshWorkspace;\n";
		expect(await layerErrors('src/lib/features/notes/fixture.service.ts', fixture)).toHaveLength(1);
		expect(await layerErrors('src/lib/features/notes/fixture.test.ts', fixture)).toEqual([]);
	});
});
