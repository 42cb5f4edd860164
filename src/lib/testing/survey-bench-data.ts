/**
 * The survey import benchmark's file (issue 17): a Kobo-shaped CSV of `respondents` rows, each
 * with five split geopoints (latitude, longitude, altitude, precision) inside Copenhagen and
 * precise enough for the cell. Shared by the Vitest benchmark and the browser benchmark.
 */
export const BENCH_QUESTIONS = ['sleep', 'hang_out', 'buy', 'use', 'help'] as const;

export function koboBenchCsv(respondents: number): string {
	const head = ['study_id'];
	for (const q of BENCH_QUESTIONS)
		head.push(`_${q}_latitude`, `_${q}_longitude`, `_${q}_altitude`, `_${q}_precision`);
	const lines = [head.join(',')];
	for (let i = 0; i < respondents; i++) {
		const cells = [`VB-${String(i).padStart(5, '0')}`];
		BENCH_QUESTIONS.forEach((_, k) => {
			const lat = 55.655 + ((i * 7 + k * 13) % 300) / 10_000;
			const lon = 12.53 + ((i * 11 + k * 17) % 500) / 10_000;
			cells.push(lat.toFixed(6), lon.toFixed(6), '12', String(5 + ((i + k) % 20)));
		});
		lines.push(cells.join(','));
	}
	return lines.join('\n');
}
