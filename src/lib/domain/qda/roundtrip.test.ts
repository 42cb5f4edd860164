import { DOMParser, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportGuids, qdaGuid } from './guid';
import { docToQdaText } from './plain-text';
import { buildProject, QDA_PROJECT_NS } from './project';
import { packQdpx } from './qdpx';
import { testProject } from './test-project';

const dir = mkdtempSync(join(tmpdir(), 'stedsans-qdpx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Info-ZIP's unzip (Debian's `unzip`; .ci/run installs it): a reader that is not ours. */
function unzip(...args: string[]): Buffer {
	const r = spawnSync('unzip', args, { maxBuffer: 64 * 1024 * 1024 });
	if (r.error) throw new Error(`unzip is needed for this test: ${r.error.message}`);
	if (r.status !== 0) throw new Error(`unzip ${args.join(' ')}: ${r.stderr}`);
	return r.stdout;
}

describe('a .qdpx read back by other tools', () => {
	const input = testProject();
	const file = join(dir, 'export.qdpx');
	writeFileSync(file, packQdpx(buildProject(input), input.exportedAt));
	const entries = unzip('-Z1', file).toString('utf8').trim().split('\n');
	const qde = new DOMParser().parseFromString(
		unzip('-p', file, 'project.qde').toString('utf8'),
		'text/xml'
	);
	const all = (name: string) => Array.from(qde.getElementsByTagNameNS(QDA_PROJECT_NS, name));
	const guids = (name: string) => new Set(all(name).map((e) => e.getAttribute('guid')));
	const refs = (el: Element, name: string) =>
		Array.from(el.getElementsByTagNameNS(QDA_PROJECT_NS, name)).map((r) =>
			r.getAttribute('targetGUID')
		);

	it('holds project.qde at the root and one text file per note under Sources/', () => {
		expect(entries).toContain('project.qde');
		expect(entries.filter((e) => e.endsWith('.qde'))).toEqual(['project.qde']);
		expect(entries.filter((e) => e.startsWith('Sources/'))).toHaveLength(input.notes.length);
	});

	it('holds every note, as a source whose file is its text', () => {
		for (const note of input.notes) {
			const guid = qdaGuid('source', note.id);
			const source = all('TextSource').find((s) => s.getAttribute('guid') === guid);
			expect(source, `note ${note.id}`).toBeDefined();
			expect(source!.getAttribute('plainTextPath')).toBe(`internal://${guid}.txt`);
			const bytes = unzip('-p', file, `Sources/${guid}.txt`);
			expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
			expect(bytes.toString('utf8')).toBe(docToQdaText(note.doc).text);
		}
	});

	it('holds every code, case and coding', () => {
		const codes = guids('Code');
		for (const c of input.codes) expect(codes).toContain(qdaGuid('code', c.id));
		const cases = guids('Case');
		for (const p of input.participants) expect(cases).toContain(qdaGuid('case', p.id));

		const codings = all('Coding');
		const g = exportGuids();
		const wanted = input.notes.flatMap((n) =>
			n.codeIds.map((c) => g.coding(g.selection(g.source(n.id)), c))
		);
		expect(codings.map((c) => c.getAttribute('guid')).sort()).toEqual(wanted.sort());
		for (const coding of codings) expect(codes).toContain(refs(coding, 'CodeRef')[0]);

		// Every reference points at something in the file.
		const sources = guids('TextSource');
		for (const c of all('Case')) for (const r of refs(c, 'SourceRef')) expect(sources).toContain(r);
		for (const s of all('Set'))
			for (const r of refs(s, 'MemberSource')) expect(sources).toContain(r);
	});
});
