import { fromCopenhagenInput, toCopenhagenInput } from './datetime';

/**
 * The moment a datetime-local field stands for after an edit. The field shows minutes only, so
 * reading back a field nobody touched would cut the stored seconds off (a 0:43:45 stop became
 * 0:43:40 when its description was saved): while the field still shows the stored moment, the
 * stored moment is kept to the millisecond. Null when the field is empty or malformed.
 */
export function editedMoment(stored: number | null, value: string): number | null {
	if (stored !== null && value === toCopenhagenInput(stored)) return stored;
	return value ? fromCopenhagenInput(value) : null;
}
