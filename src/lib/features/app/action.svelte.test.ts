import { afterEach, describe, expect, it } from 'vitest';
import { Action, Busy } from './action.svelte';
import { announcer } from './announcer.svelte';

afterEach(() => announcer.reset());

/** A piece of work that runs until the test lets it finish. */
function gate<T>() {
	let open!: (value: T) => void;
	let fail!: (error: Error) => void;
	const done = new Promise<T>((resolve, reject) => {
		open = resolve;
		fail = reject;
	});
	return { work: () => done, open, fail };
}

describe('Action', () => {
	it('takes the last failure down, is busy while the work runs, then announces what was done', async () => {
		announcer.fail('the last try failed');
		const action = new Action(String);
		const g = gate<number>();
		const running = action.run(g.work, { done: (n) => `${n} saved` });
		expect(action.busy).toBe(true);
		expect(announcer.error).toBeNull();
		g.open(3);
		expect(await running).toBe(3);
		expect(action.busy).toBe(false);
		expect(announcer.status?.text).toBe('3 saved');
		expect(announcer.error).toBeNull();
	});

	it('announces a failure in the words it is given, and is free again', async () => {
		const action = new Action((e) => `Could not: ${(e as Error).message}`);
		const result = await action.run(() => Promise.reject(new Error('disk full')), {
			done: 'never said'
		});
		expect(result).toBeUndefined();
		expect(announcer.error).toBe('Could not: disk full');
		expect(announcer.status).toBeNull();
		expect(action.busy).toBe(false);
	});

	it('stays busy until every run it started is done', async () => {
		const action = new Action(String);
		const first = gate<string>();
		const second = gate<string>();
		const runs = [action.run(first.work), action.run(second.work)];
		first.open('first');
		await runs[0];
		expect(action.busy).toBe(true);
		second.open('second');
		expect(await runs[1]).toBe('second');
		expect(action.busy).toBe(false);
	});

	it('offers Undo beside the confirmation, and Undo runs the given work', async () => {
		const action = new Action(String);
		let undone = false;
		await action.run(async () => 1, {
			done: 'Deleted',
			undo: async () => {
				undone = true;
			}
		});
		expect(announcer.status?.action?.label).toBeTruthy();
		await announcer.runAction();
		expect(undone).toBe(true);
	});
});

describe('Busy', () => {
	it('is busy during the work and throws its failure on', async () => {
		const busy = new Busy();
		const g = gate<void>();
		const running = busy.during(g.work);
		expect(busy.busy).toBe(true);
		g.fail(new Error('wrong passphrase'));
		await expect(running).rejects.toThrow('wrong passphrase');
		expect(busy.busy).toBe(false);
		expect(announcer.error).toBeNull();
	});
});
