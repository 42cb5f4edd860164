import { z } from 'zod';
import { CellResolution, DEFAULT_NOTE_RESOLUTION } from '../geo/cell-schema';
import { singletonId } from '../records/ids';
import { PRIVACY_SETTINGS_SHAPE } from './privacy-settings';

export const SETTINGS_ID = singletonId('SETTINGS');

/** OpenFreeMap: an OpenStreetMap-based vector style that needs no key. */
export const DEFAULT_BASEMAP_STYLE = 'https://tiles.openfreemap.org/styles/liberty';

/** Settings shared by everyone who works in a workspace (they travel with backups). */
export const WorkspaceSettingsContent = z.object({
	/** Shown on the demo workspace, so no one mistakes synthetic data for field data. */
	demo: z.boolean().default(false),
	/** H3 resolution that note locations snap to (8 ≈ 460 m edge). */
	noteCellResolution: CellResolution.default(DEFAULT_NOTE_RESOLUTION),
	/** The basemap style; the map falls back to an offline style when it cannot load. */
	basemapStyleUrl: z
		.string()
		.max(500)
		.refine((u) => u === '' || /^https:\/\/[^\s]+$/.test(u), 'the basemap must be an https:// URL')
		.default(DEFAULT_BASEMAP_STYLE),
	/** Recording: fixes less accurate than this are dropped (metres). */
	maxFixAccuracyMetres: z.number().int().min(5).max(500).default(50),
	/** Stop detection: a stop is staying within this radius (metres) … */
	stopRadiusMetres: z.number().int().min(10).max(500).default(50),
	/** … for at least this long (minutes). */
	stopMinMinutes: z.number().int().min(1).max(120).default(5),
	/** The own workspace locks after this many minutes without use (and 60 s after it is hidden). */
	autoLockMinutes: z.number().int().min(1).max(60).default(5),
	/** Heatmaps and the glossary map: the exclusion buffer around institutions (metres; never less than 150). */
	institutionBufferMetres: z.number().int().min(150).max(1000).default(150),
	...PRIVACY_SETTINGS_SHAPE
});
export type WorkspaceSettingsContent = z.infer<typeof WorkspaceSettingsContent>;

export const DEFAULT_SETTINGS: WorkspaceSettingsContent = WorkspaceSettingsContent.parse({});
