import { describe, expect, it } from 'vitest';
import { toCopenhagenInput } from './datetime';
import { editedMoment } from './edited-time';

describe('editedMoment', () => {
	const arrived = Date.UTC(2026, 2, 3, 9, 0, 15);
	const departed = Date.UTC(2026, 2, 3, 9, 44, 0, 500);

	it('keeps a stored moment to the millisecond while its field is untouched', () => {
		const a = editedMoment(arrived, toCopenhagenInput(arrived));
		const d = editedMoment(departed, toCopenhagenInput(departed));
		expect(a).toBe(arrived);
		expect(d).toBe(departed);
		expect(d! - a!).toBe(departed - arrived);
	});

	it('takes the new minute when the field was changed', () => {
		expect(editedMoment(arrived, '2026-03-03T10:05')).toBe(Date.UTC(2026, 2, 3, 9, 5));
	});

	it('is null for an empty or malformed field', () => {
		expect(editedMoment(arrived, '')).toBeNull();
		expect(editedMoment(null, 'soon')).toBeNull();
	});
});
