import { afterAll, bench, describe } from 'vitest';
import { readWhole } from './backup-restore.service';
import { backupFile, peakGrowthMb } from '$lib/testing/backup-file';

// The baseline of restore-streamed.bench.ts, in its own process (peak memory is per process):
// a 100 MB backup read as before streaming: the whole text, then the parsed document, then rows.
const file = await backupFile();
let growth = 0;
let rows = 0;

describe('restoring a 100 MB backup, read whole (baseline)', () => {
	bench(
		'file.text() + JSON.parse + rows',
		async () => {
			const before = process.memoryUsage().rss;
			const read = await readWhole(await file.blob.text(), file.bytes, {});
			if (!read.ok) throw new Error(JSON.stringify(read.problem));
			rows = read.sealed.get('notes')!.length;
			growth = peakGrowthMb(before);
		},
		{ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 }
	);
});

afterAll(() => {
	console.info(`import memory, whole: ${rows} notes, ${file.bytes} bytes, peak +${growth} MB`);
});
