import { describe, expect, it } from 'vitest';
import { announcer } from './announcer.svelte';

describe('the announcer', () => {
	it('keeps an error with the screen that raised it, and a confirmation across screens', () => {
		announcer.showing('/follow');
		announcer.fail('This file is not readable XML.');
		announcer.confirm('Day deleted.');
		announcer.showing('/follow');
		expect(announcer.error).toBe('This file is not readable XML.');
		announcer.showing('/heatmaps');
		expect(announcer.error).toBeNull();
		expect(announcer.status?.text).toBe('Day deleted.');
		announcer.fail('Nothing to compute.');
		announcer.showing('/heatmaps');
		expect(announcer.error).toBe('Nothing to compute.');
		announcer.reset();
	});
});
