import 'fake-indexeddb/auto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notesRepo } from '$lib/db/notes.repo';
import { freshWorkspace } from '$lib/testing/workspace';
import { textToDoc } from '$lib/domain/notes/doc';
import { newId } from '$lib/domain/records/ids';
import { buildBackup } from '$lib/features/settings/backup.service';

/**
 * Test-only, for the import memory benchmarks: a plaintext backup of about 100 MB (notes of
 * 1,500 characters), written to a temporary file in pieces, so that making it does not raise
 * the process's peak memory, and opened as a file-backed Blob, as a browser's File is.
 */
export const TARGET_BYTES = 100 * 1024 * 1024;

export async function backupFile(): Promise<{ blob: Blob; bytes: number; path: string }> {
	const path = join(tmpdir(), `stedsans-backup-${TARGET_BYTES}.json`);
	if (!existsSync(path) || statSync(path).size < TARGET_BYTES) await write(path);
	return { blob: await openAsBlob(path), bytes: statSync(path).size, path };
}

async function write(path: string): Promise<void> {
	await freshWorkspace();
	const words = 'trappen ved Mekka, kaffe, methadon og en lang snak om vinteren '.repeat(25);
	await notesRepo.create({ observedAt: 5, doc: textToDoc(words), text: words });
	const { doc } = await buildBackup();
	const [template] = doc.records.notes!;
	const { records: _records, ...header } = doc;
	const out = createWriteStream(path);
	const put = (s: string) =>
		new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
	await put(`${JSON.stringify(header).slice(0, -1)},"records":{"notes":[`);
	let size = 0;
	for (let i = 0; size < TARGET_BYTES; i++) {
		const text = `${i} ${words}`;
		const record = JSON.stringify({ ...template, id: newId(), doc: textToDoc(text), text });
		await put((i ? ',' : '') + record);
		size += record.length + 1;
	}
	await put(']}}');
	await new Promise((resolve) => out.end(resolve));
}

/** Peak memory (resident set) grown since `before`, in MB. */
export function peakGrowthMb(beforeRss: number): number {
	return Math.round((process.resourceUsage().maxRSS * 1024 - beforeRss) / (1024 * 1024));
}
