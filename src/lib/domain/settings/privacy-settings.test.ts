import { describe, expect, it } from 'vitest';
import { parseNamesList } from './privacy-settings';
import { WorkspaceSettingsContent } from './workspace-settings';

describe('the names list as typed in Settings', () => {
	it('takes one name a line (or separated by commas), drops blanks and repeats', () => {
		expect(parseNamesList('Søren Ravn\n\n  Ole , anne-marie; SOREN RAVN\nAnne Marie\n')).toEqual({
			names: ['Søren Ravn', 'Ole', 'anne-marie'],
			rejected: []
		});
	});

	it('says which lines are not names', () => {
		const r = parseNamesList(`Bo\nX\n${'a'.repeat(101)}`);
		expect(r.names).toEqual(['Bo']);
		expect(r.rejected).toEqual(['X', 'a'.repeat(101)]);
	});

	it('is part of the workspace settings, empty by default, with no team key', () => {
		expect(WorkspaceSettingsContent.parse({})).toMatchObject({
			forbiddenNames: [],
			teamPackageKey: null
		});
		expect(() => WorkspaceSettingsContent.parse({ teamPackageKey: 'not a key' })).toThrow();
	});
});
