import { z } from 'zod';
import { AreaGeometry } from './geometry';
import { NeighbourhoodKey } from './keys';

/** An imported outline that replaces the bundled approximate one for a neighbourhood. */
export const BoundaryContent = z.object({
	neighbourhood: NeighbourhoodKey,
	geometry: AreaGeometry,
	sourceName: z.string().max(200),
	attribution: z.string().max(300),
	featureLabels: z.array(z.string().max(120)).max(100)
});
export type BoundaryContent = z.infer<typeof BoundaryContent>;
