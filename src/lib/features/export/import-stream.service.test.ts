import { describe, expect, it } from 'vitest';
import { JsonStream } from './import-stream.service';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Feeds `text` to a stream reading `$.records.*.*` and ends it; returns what it threw. */
function read(text: string): unknown {
	const values: unknown[] = [];
	const json = new JsonStream(['$.records.*.*'], (v) => values.push(v));
	try {
		json.write(bytes(text));
		json.end();
		return values;
	} catch (e) {
		return e;
	}
}

describe('JsonStream', () => {
	it('hands over each record of a whole document', () => {
		expect(read('{"records":{"notes":[{"id":"a"},{"id":"b"}]}}')).toEqual([
			{ id: 'a' },
			{ id: 'b' }
		]);
	});

	it('calls a document cut short a SyntaxError, wherever the cut falls', () => {
		const whole = '{"format":"x","records":{"notes":[{"id":"a","text":"b c"},{"id":"d"}]}}';
		for (let at = 1; at < whole.length; at++) {
			const problem = read(whole.slice(0, at));
			expect(problem, whole.slice(0, at)).toBeInstanceOf(SyntaxError);
		}
	});
});
