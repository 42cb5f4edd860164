import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	alertRegion,
	exportBackup,
	importBackup,
	launchProfile,
	readBackup,
	setDisplayName
} from '../e2e/driver';

test('dbg', async () => {
	const disk = mkdtempSync(join(tmpdir(), 'stedsans-smalldisk-'));
	execFileSync('mount', ['-t', 'tmpfs', '-o', `size=32m`, 'tmpfs', disk]);
	const { context, page } = await launchProfile(join(disk, 'profile'));
	page.on('console', (m) => console.log('console', m.type(), m.text()));
	const dump = () =>
		page.evaluate(async () => {
			const out: Record<string, unknown> = { dbs: await indexedDB.databases() };
			const db: IDBDatabase = await new Promise((res, rej) => {
				const r = indexedDB.open('stedsans');
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
			for (const name of Array.from(db.objectStoreNames)) {
				out[name] = await new Promise((res) => {
					const r = db.transaction(name).objectStore(name).count();
					r.onsuccess = () => res(r.result);
				});
			}
			db.close();
			return out;
		});
	try {
		await setDisplayName(page, 'X');
		const dir = mkdtempSync(join(tmpdir(), 'b-'));
		const before = readBackup(await exportBackup(page, dir));
		console.log('before', JSON.stringify(await dump()));
		const big = structuredClone(before);
		const template = { ...before.records.ethnographers![0]!, displayName: 'y'.repeat(60) };
		const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		const ulid = (n: number) =>
			'01J' + [...n.toString(32).padStart(23, '0')].map((d) => crockford[parseInt(d, 32)]).join('');
		big.records.ethnographers = Array.from({ length: 100000 }, (_, n) => ({
			...template,
			id: ulid(n + 1),
			displayName: Math.random().toString(36).repeat(3).slice(0, 55)
		}));
		const text = JSON.stringify(big);
		console.log('size', text.length);
		await importBackup(page, { name: 'big.json', buffer: Buffer.from(text) });
		await expect(alertRegion(page)).toHaveText(/./, { timeout: 60_000 });
		console.log('alert', await alertRegion(page).textContent());
		console.log('after', JSON.stringify(await dump()));
		console.log(execFileSync('df', ['-h', disk]).toString());
		await page.reload();
		await page.waitForTimeout(2000);
		console.log('after reload', JSON.stringify(await dump()));
		console.log(await page.locator('main').innerText());
	} finally {
		await context.close();
		execFileSync('umount', [disk]);
		rmSync(disk, { recursive: true, force: true });
	}
});
