import {
	DEFAULT_SETTINGS,
	SETTINGS_ID,
	WorkspaceSettingsContent
} from '$lib/domain/settings/workspace-settings';
import { splitEntity } from '$lib/domain/records/record';
import { defineRepository } from './repository';

export const settingsRepo = defineRepository({
	table: 'settings',
	content: WorkspaceSettingsContent,
	version: 1
});

export async function getSettings(): Promise<WorkspaceSettingsContent> {
	const found = await settingsRepo.get(SETTINGS_ID);
	if (!found) return DEFAULT_SETTINGS;
	return splitEntity(found).content;
}

export async function updateSettings(patch: Partial<WorkspaceSettingsContent>): Promise<void> {
	if (await settingsRepo.get(SETTINGS_ID)) await settingsRepo.update(SETTINGS_ID, patch);
	else await settingsRepo.create({ ...DEFAULT_SETTINGS, ...patch }, { id: SETTINGS_ID });
}
