import { describe, expect, it } from 'vitest';
import { namesToHide, type Box } from './label-collisions';

const box = (left: number, top: number, width: number, height = 20): Box => ({
	left,
	top,
	right: left + width,
	bottom: top + height
});

describe('stop names on the map', () => {
	it('keeps names apart from each other and from the numbers; the current stop keeps its name', () => {
		// Stops 1 and 2 close together: number 2 covers the start of name 1, which is hidden;
		// name 2 then has room. Stop 3, far away, keeps its name.
		const numbers = [box(100, 100, 26), box(110, 105, 26), box(300, 300, 26)];
		const names = [box(130, 100, 90), box(140, 105, 90), box(330, 300, 90)];
		expect([...namesToHide(numbers, names)]).toEqual([0]);
		// Apart, both names show.
		const apart = [box(100, 100, 26), box(100, 200, 26)];
		expect(namesToHide(apart, [box(130, 100, 90), box(130, 200, 90)]).size).toBe(0);
		// Names only colliding with each other: the current one wins, whatever its place.
		const far = [box(0, 0, 26), box(0, 300, 26)];
		const clash = [box(130, 100, 90), box(150, 105, 90)];
		expect([...namesToHide(far, clash)]).toEqual([1]);
		expect([...namesToHide(far, clash, 1)]).toEqual([0]);
		expect(namesToHide(far, [null, box(150, 105, 90)]).size).toBe(0);
	});
});
