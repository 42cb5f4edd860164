import { afterAll, bench, describe } from 'vitest';
import { readBackupRows } from './backup-restore.service';
import { backupFile, peakGrowthMb } from '$lib/testing/backup-file';

// Peak memory of reading a 100 MB backup as a stream, against restore-whole.bench.ts (the
// same file read whole, in a process of its own): the two figures are printed for the ratio.
const file = await backupFile();
let growth = 0;
let rows = 0;

describe('restoring a 100 MB backup, streamed (target: under half the whole read)', () => {
	bench(
		'File.stream() + streaming JSON + rows',
		async () => {
			const before = process.memoryUsage().rss;
			const read = await readBackupRows(file.blob, file.bytes, {});
			if (!read.ok) throw new Error(JSON.stringify(read.problem));
			rows = read.sealed.get('notes')!.length;
			growth = peakGrowthMb(before);
		},
		{ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 }
	);
});

afterAll(() => {
	console.info(`import memory, streamed: ${rows} notes, ${file.bytes} bytes, peak +${growth} MB`);
});
