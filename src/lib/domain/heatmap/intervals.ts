/** Time intervals as flat [start0, end0, start1, end1, …] arrays of epoch ms. */
export type Intervals = number[];

/** Sorted, disjoint union of the given intervals (lists usually arrive sorted: then no sort). */
export function mergeIntervals(...lists: Intervals[]): Intervals {
	const flat = lists.length === 1 ? lists[0]! : lists.flat();
	const pairs = flat.length >> 1;
	let order: number[] | null = null;
	for (let i = 1; i < pairs; i++)
		if (flat[2 * i]! < flat[2 * i - 2]!) {
			order = Array.from({ length: pairs }, (_, k) => k).sort(
				(a, b) => flat[2 * a]! - flat[2 * b]! || flat[2 * a + 1]! - flat[2 * b + 1]!
			);
			break;
		}
	const out: Intervals = [];
	for (let i = 0; i < pairs; i++) {
		const k = order ? order[i]! : i;
		const s = flat[2 * k]!;
		const e = flat[2 * k + 1]!;
		if (!(e > s)) continue;
		const n = out.length;
		if (n > 0 && s <= out[n - 1]!) out[n - 1] = Math.max(out[n - 1]!, e);
		else out.push(s, e);
	}
	return out;
}

/** Length of [a, b] that falls in any of the merged intervals. */
export function overlap(merged: Intervals, a: number, b: number): number {
	let sum = 0;
	for (let i = 0; i < merged.length; i += 2) {
		const s = merged[i]!;
		if (s >= b) break;
		const e = merged[i + 1]!;
		if (e > a) sum += Math.min(b, e) - Math.max(a, s);
	}
	return sum;
}

/** Whether a moment falls in one of the merged intervals (binary search). */
export function contains(merged: Intervals, t: number): boolean {
	let lo = 0;
	let hi = merged.length / 2 - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (t < merged[2 * mid]!) hi = mid - 1;
		else if (t > merged[2 * mid + 1]!) lo = mid + 1;
		else return true;
	}
	return false;
}
