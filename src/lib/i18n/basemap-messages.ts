import { m } from '$lib/paraglide/messages.js';
import { ArchiveError, IMPORT_CAP_BYTES } from '$lib/domain/basemap/archive-check';
import { DOWNLOAD_CAP } from '$lib/domain/basemap/estimate';
import { formatBytes, type AppLocale } from '$lib/domain/format/datetime';
import { StorageFullError } from '$lib/db/errors';
import { DownloadError } from '$lib/features/basemap/download.service';

/** What went wrong with a map file or a download, in the user's words; null if not ours. */
export function offlineMapProblem(e: unknown, locale: AppLocale): string | null {
	if (e instanceof StorageFullError) return m.offlineMapErrStorageFull();
	if (e instanceof ArchiveError) {
		switch (e.problem) {
			case 'too-big':
				return m.offlineMapErrTooBig({ size: formatBytes(IMPORT_CAP_BYTES, locale) });
			case 'not-pmtiles':
				return m.offlineMapErrNotPmtiles();
			case 'version':
				return m.offlineMapErrVersion();
			case 'raster':
				return m.offlineMapErrRaster();
			case 'not-vector':
				return m.offlineMapErrNotVector();
			case 'truncated':
				return m.offlineMapErrTruncated();
			case 'no-cover':
				return m.offlineMapErrNoCover();
			case 'unknown-layers':
				return m.offlineMapErrUnknownLayers();
			case 'unreadable':
				return m.offlineMapErrUnreadable({ detail: e.message });
		}
	}
	if (e instanceof DownloadError) {
		switch (e.problem) {
			case 'terms':
				return m.offlineMapErrTerms();
			case 'osm':
				return m.offlineMapErrOsm();
			case 'source':
			case 'unknown-layers':
				return m.offlineMapErrSource({ detail: e.message });
			case 'network':
				return m.offlineMapErrNetwork();
			case 'over-cap':
				return m.offlineMapErrOverCap({
					tiles: DOWNLOAD_CAP.tiles,
					size: formatBytes(DOWNLOAD_CAP.bytes, locale)
				});
		}
	}
	// A fetch that failed for want of a connection.
	if (e instanceof TypeError) return m.offlineMapErrNetwork();
	return null;
}
