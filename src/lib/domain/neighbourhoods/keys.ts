import { z } from 'zod';

export const NEIGHBOURHOOD_KEYS = ['vesterbro', 'nordvest', 'sundholm'] as const;
export const NeighbourhoodKey = z.enum(NEIGHBOURHOOD_KEYS);
export type NeighbourhoodKey = z.infer<typeof NeighbourhoodKey>;

/** Approximate centres (lat, lon), as in docs/product.md, for map cameras and demo data. */
export const NEIGHBOURHOOD_CENTRES: Record<NeighbourhoodKey, { lat: number; lon: number }> = {
	vesterbro: { lat: 55.6649, lon: 12.5516 },
	nordvest: { lat: 55.7046, lon: 12.5298 },
	sundholm: { lat: 55.6585, lon: 12.5993 }
};

/** Short prefixes for pseudonymous participant codes (VB-014, NV-003, SH-021). */
export const NEIGHBOURHOOD_PREFIX: Record<NeighbourhoodKey, string> = {
	vesterbro: 'VB',
	nordvest: 'NV',
	sundholm: 'SH'
};
