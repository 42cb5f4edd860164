import { afterEach, beforeEach } from 'vitest';
import { closeWorkspace, deleteWorkspace, openWorkspace } from '$lib/db/workspace';

let n = 0;

/** Opens a fresh, uniquely named workspace database for one test. */
export async function freshWorkspace(): Promise<string> {
	closeWorkspace();
	const name = `test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`;
	await openWorkspace('main', name);
	return name;
}

export async function dropWorkspace(name: string): Promise<void> {
	await deleteWorkspace('main', name);
}

/** A fresh workspace for every test of the file, dropped after it; `name` is the current one's. */
export function useFreshWorkspace(): { readonly name: string } {
	const current = { name: '' };
	beforeEach(async () => {
		current.name = await freshWorkspace();
	});
	afterEach(async () => {
		await dropWorkspace(current.name);
	});
	return current;
}
