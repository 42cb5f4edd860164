import { z } from 'zod';

/** A member of the research team as shown on what they wrote: a display name or initials. */
export const EthnographerContent = z.object({
	displayName: z.string().trim().max(60)
});
export type EthnographerContent = z.infer<typeof EthnographerContent>;
