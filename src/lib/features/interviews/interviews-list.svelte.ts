import { interviewsRepo, namedPlacesRepo, type Interview } from '$lib/db/named-places.repo';
import { live } from '$lib/features/app/live.svelte';

export interface InterviewRow {
	interview: Interview;
	places: number;
}

/** Every interview, newest first, with the number of places named in it. */
export class InterviewsList {
	readonly #rows = live(async () => {
		const [interviews, places] = await Promise.all([interviewsRepo.list(), namedPlacesRepo.list()]);
		const count = new Map<string, number>();
		for (const p of places)
			if (p.interviewId) count.set(p.interviewId, (count.get(p.interviewId) ?? 0) + 1);
		return interviews
			.sort((a, b) => b.startedAt - a.startedAt)
			.map((interview) => ({ interview, places: count.get(interview.id) ?? 0 }));
	}, [] as InterviewRow[]);

	get rows(): InterviewRow[] {
		return this.#rows.value;
	}
}
