import {
	cellEdgeMetres,
	snapToCell,
	type CellLocation,
	type CellResolution
} from '$lib/domain/geo/cells';

export type LocationProblem =
	| { kind: 'unsupported' }
	| { kind: 'denied' }
	| { kind: 'timeout' }
	| { kind: 'unavailable' }
	| { kind: 'inaccurate'; accuracy: number; needed: number };

export type CellResult =
	{ ok: true; location: CellLocation } | { ok: false; problem: LocationProblem };

/**
 * Takes one position and snaps it to a grid cell at once; only the cell leaves this function.
 * A fix less accurate than the cell's edge cannot say which cell it is in, so it is refused.
 */
export function currentCell(resolution: CellResolution, timeoutMs = 15_000): Promise<CellResult> {
	return new Promise((resolve) => {
		if (!('geolocation' in navigator))
			return resolve({ ok: false, problem: { kind: 'unsupported' } });
		navigator.geolocation.getCurrentPosition(
			(pos) => {
				const needed = cellEdgeMetres(resolution);
				if (pos.coords.accuracy > needed)
					return resolve({
						ok: false,
						problem: {
							kind: 'inaccurate',
							accuracy: Math.round(pos.coords.accuracy),
							needed: Math.round(needed)
						}
					});
				resolve({
					ok: true,
					location: snapToCell(pos.coords.latitude, pos.coords.longitude, resolution)
				});
			},
			(err) => {
				const kind =
					err.code === err.PERMISSION_DENIED
						? 'denied'
						: err.code === err.TIMEOUT
							? 'timeout'
							: 'unavailable';
				resolve({ ok: false, problem: { kind } });
			},
			{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 }
		);
	});
}
