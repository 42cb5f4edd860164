import { z } from 'zod';
import { singletonId } from '../records/ids';

export const SETTINGS_ID = singletonId('SETTINGS');

/** Settings shared by everyone who works in a workspace (they travel with backups). */
export const WorkspaceSettingsContent = z.object({
	/** Shown on the demo workspace, so no one mistakes synthetic data for field data. */
	demo: z.boolean().default(false)
});
export type WorkspaceSettingsContent = z.infer<typeof WorkspaceSettingsContent>;

export const DEFAULT_SETTINGS: WorkspaceSettingsContent = WorkspaceSettingsContent.parse({});
