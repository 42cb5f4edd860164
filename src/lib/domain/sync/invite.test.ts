import { describe, expect, it } from 'vitest';
import { INVITE_SYMBOLS, InviteId, inviteFromRandom, parseInvite } from './invite';

const random = (seed: number) => Uint8Array.from({ length: 28 }, (_, i) => (i * 37 + seed) & 255);

describe('invite codes', () => {
	it('are 28 symbols in groups of four, split into a 12-symbol id and a 16-symbol secret', () => {
		const code = inviteFromRandom(random(1));
		expect(code.text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(code.id + code.secret).toBe(code.text.replace(/-/g, ''));
		expect(code.id).toHaveLength(12);
		expect(code.secret).toHaveLength(INVITE_SYMBOLS - 12);
		expect(InviteId.safeParse(code.id).success).toBe(true);
	});

	it('read back however they are typed: case, spaces, dashes, O for 0, I and L for 1', () => {
		const code = inviteFromRandom(random(7));
		const sloppy = code.text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
		expect(parseInvite(sloppy)).toEqual(code);
	});

	it('refuse what cannot be a code', () => {
		expect(parseInvite('')).toBeNull();
		expect(parseInvite(inviteFromRandom(random(2)).text.slice(0, -1))).toBeNull();
		expect(parseInvite('U'.repeat(28))).toBeNull();
		expect(InviteId.safeParse('u'.repeat(12)).success).toBe(false);
	});
});
