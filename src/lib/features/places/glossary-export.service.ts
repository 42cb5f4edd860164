import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { glossaryChoiceList, glossaryGeoJson } from '$lib/domain/places/glossary-export';
import { placesRepo } from '$lib/db/places.repo';
import { downloadFile } from '$lib/features/export/download.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';

export type GlossaryFormat = 'choices' | 'geojson';

/** The places the export writes, as records, for the identifier scan before it. */
export async function glossaryExportRecords(): Promise<ExportRecords> {
	const places = (await placesRepo.list()).filter((p) => p.mergedInto === null);
	return { places: places.map((p) => ({ id: p.id, name: p.name })) };
}

/** Writes the glossary as an ODK/Kobo choice list (CSV) or a GeoJSON; returns the file's name. */
export async function exportGlossary(format: GlossaryFormat, now = Date.now()): Promise<string> {
	const places = await placesRepo.list();
	const day = copenhagenDayKey(now);
	if (format === 'choices') {
		const name = `stedsans-places-choices-${day}.csv`;
		downloadFile(name, glossaryChoiceList(places), 'text/csv;charset=utf-8');
		return name;
	}
	const name = `stedsans-places-${day}.geojson`;
	downloadFile(name, JSON.stringify(glossaryGeoJson(places)), 'application/geo+json');
	return name;
}
