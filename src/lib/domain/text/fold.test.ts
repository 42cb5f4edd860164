import { describe, expect, it } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
	it('matches Danish letters and accents without them', () => {
		expect(fold('Kødbyen')).toBe('kodbyen');
		expect(fold('Ærø Café')).toBe('aero cafe');
		expect(fold('Mændenes Hjem')).toBe('maendenes hjem');
		expect(fold('Vesterbro Torv')).toBe('vesterbro torv');
	});
});
