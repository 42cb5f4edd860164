import { m } from '$lib/paraglide/messages.js';
import type { Release } from '$lib/db/releases.repo';
import { downloadFile } from '$lib/features/export/download.service';
import { publishedReleases } from '$lib/features/heatmaps/release.service';
import { announcer } from '$lib/features/app/announcer.svelte';
import { describeError } from '$lib/i18n/errors';
import { releaseFilename } from './release-files.service';

export type ReleasedFormat = 'svg' | 'png' | 'geojson' | 'csv' | 'report';

const FILES: Record<ReleasedFormat, { ext: string; type: string }> = {
	svg: { ext: '.svg', type: 'image/svg+xml' },
	png: { ext: '.png', type: 'image/png' },
	geojson: { ext: '.geojson', type: 'application/geo+json' },
	csv: { ext: '.csv', type: 'text/csv;charset=utf-8' },
	report: { ext: '-report.md', type: 'text/markdown;charset=utf-8' }
};

/** The Published maps list: every release, newest first; each file as it was released. */
export class PublishedList {
	#releases = $state.raw<Release[]>([]);
	#loaded = $state(false);

	get releases(): Release[] {
		return this.#releases;
	}
	get loaded(): boolean {
		return this.#loaded;
	}

	async load(): Promise<void> {
		try {
			this.#releases = await publishedReleases();
		} catch (e) {
			announcer.fail(describeError(e));
		} finally {
			this.#loaded = true;
		}
	}

	/** Downloads a file of a release, byte for byte as it left the first time. */
	download(r: Release, format: ReleasedFormat): void {
		const data = r.files[format];
		if (data === null) return;
		const { ext, type } = FILES[format];
		const filename = releaseFilename(r, ext);
		downloadFile(filename, data as BlobPart, type);
		announcer.confirm(m.heatExported({ filename }));
	}
}
