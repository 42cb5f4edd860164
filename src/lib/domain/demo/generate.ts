import { Random } from './random';

/** The seed behind the demo workspace; tests and benchmarks use the same generator. */
export const DEMO_SEED = 20_260_301;

export interface DemoEthnographer {
	displayName: string;
}

export interface DemoWorkspace {
	ethnographers: DemoEthnographer[];
}

export interface DemoOptions {
	seed?: number;
}

const INITIALS = ['AK', 'LM', 'SR', 'JB', 'NH'];

/** Synthetic data only: pseudonyms, invented notes and places; no real person is in it. */
export function generateDemo(opts: DemoOptions = {}): DemoWorkspace {
	const rnd = new Random(opts.seed ?? DEMO_SEED);
	const ethnographers = rnd.some(INITIALS, 3, 3).map((i) => ({ displayName: `${i} (demo)` }));
	return { ethnographers };
}
