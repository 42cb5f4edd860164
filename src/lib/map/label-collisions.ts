/** A label's box on screen, as getBoundingClientRect gives it. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

const overlap = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Stop labels drawn as HTML markers do not avoid each other as MapLibre's own symbols do, so two
 * stops close together on a phone would print their names over each other. The numbers always
 * stay (the list beside the map names them); a name that would cover a number or a name already
 * placed is hidden until zooming in makes room. `first` (the current stop) is placed first, then
 * the rest in order. Returns the indexes of the names to hide.
 */
export function namesToHide(
	numbers: readonly Box[],
	names: readonly (Box | null)[],
	first: number | null = null
): Set<number> {
	const placed = [...numbers];
	const hide = new Set<number>();
	const order = names.map((_, i) => i);
	if (first !== null) order.sort((a, b) => Number(b === first) - Number(a === first));
	for (const i of order) {
		const box = names[i];
		if (!box) continue;
		if (placed.some((r) => overlap(box, r))) hide.add(i);
		else placed.push(box);
	}
	return hide;
}

/** Applies `namesToHide` to the labels of NumberedStops (`.num` and `.name` inside each). */
export function hideCollidingNames(labels: readonly HTMLElement[]): void {
	const names = labels.map((el) => el.querySelector<HTMLElement>('.name'));
	for (const n of names) if (n) n.style.visibility = '';
	const numbers = labels.flatMap((el) => {
		const num = el.querySelector<HTMLElement>('.num');
		return num ? [num.getBoundingClientRect()] : [];
	});
	const current = labels.findIndex((el) => el.classList.contains('current'));
	const hide = namesToHide(
		numbers,
		names.map((n) => n?.getBoundingClientRect() ?? null),
		current < 0 ? null : current
	);
	for (const i of hide) names[i]!.style.visibility = 'hidden';
}
