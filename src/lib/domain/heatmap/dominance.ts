/*
 * Dominance rules, as statistical offices apply them to magnitude tables (Hundepool et al.,
 * Statistical Disclosure Control, Wiley 2012, §4.2; Eurostat's guidelines for business
 * statistics): a cell is unsafe when its largest contributor makes up more than p of it (1, p), or
 * its two largest together more than q (2, q). The (2, 85 %) rule stops two people who share a
 * home (49.9 % each) from showing through three passers-by: each knows the other's figure to
 * within the passers-by's 0.2 %.
 */

/** Whether the weights in values[from … to) are dominated by one or by two contributors. */
export function dominated(
	values: ArrayLike<number>,
	maxShare: number,
	maxTopTwoShare: number,
	from = 0,
	to = values.length
): boolean {
	let total = 0;
	let first = 0;
	let second = 0;
	for (let i = from; i < to; i++) {
		const v = Math.abs(values[i]!);
		total += v;
		if (v > first) {
			second = first;
			first = v;
		} else if (v > second) second = v;
	}
	if (!(total > 0)) return false;
	return first / total > maxShare || (first + second) / total > maxTopTwoShare;
}
