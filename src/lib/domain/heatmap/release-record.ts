import { z } from 'zod';
import { Timestamp } from '../records/record';
import { base64ToBytes, bytesToBase64 } from '../tracks/base64';
import { ReleaseStatement } from './release-schema';

/*
 * A release as the workspace stores it: the checked statement (release-schema.ts), who released
 * it and when, the methods paragraph in both languages, and every file exactly as it left, so
 * that exporting it again gives the same bytes whatever has changed since (data, app, language).
 */

const MB = 1024 * 1024;

export const ReleaseFiles = z.object({
	geojson: z.string().max(40 * MB),
	csv: z.string().max(20 * MB),
	/** The report, in Markdown, in the language of the release. */
	report: z.string().max(MB),
	/** The print export. */
	svg: z.string().max(40 * MB),
	/** The print export at 300 dpi (made in a browser; null where none could be made). */
	png: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes').nullable()
});
export type ReleaseFiles = z.infer<typeof ReleaseFiles>;

const releaseFields = {
	title: z.string().trim().min(1).max(120),
	releasedAt: Timestamp,
	/** The name of who released it, as the files give it. */
	releasedBy: z.string().trim().max(60),
	locale: z.enum(['en', 'da']),
	methods: z.object({ en: z.string().max(8000), da: z.string().max(8000) })
};

export const ReleaseContent = ReleaseStatement.extend({ ...releaseFields, files: ReleaseFiles });
export type ReleaseContent = z.infer<typeof ReleaseContent>;

/** The same in JSON (backups, team packages): the PNG as base64. */
export const EncodedReleaseContent = ReleaseStatement.extend({
	...releaseFields,
	files: ReleaseFiles.extend({
		png: z
			.string()
			.max(60 * MB)
			.nullable()
	})
});
export type EncodedReleaseContent = z.infer<typeof EncodedReleaseContent>;

export function encodeRelease(c: ReleaseContent): EncodedReleaseContent {
	return { ...c, files: { ...c.files, png: c.files.png ? bytesToBase64(c.files.png) : null } };
}

export function decodeRelease(json: unknown): ReleaseContent {
	const e = EncodedReleaseContent.parse(json);
	return { ...e, files: { ...e.files, png: e.files.png ? base64ToBytes(e.files.png) : null } };
}
