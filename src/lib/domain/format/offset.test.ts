import { describe, expect, it } from 'vitest';
import { offsetText } from './offset';

describe('offsetText', () => {
	it('reads like an audio player', () => {
		expect(offsetText(0)).toBe('0:00');
		expect(offsetText(95_400)).toBe('1:35');
		expect(offsetText(3_725_000)).toBe('1:02:05');
	});
});
