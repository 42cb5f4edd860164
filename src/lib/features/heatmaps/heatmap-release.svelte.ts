import { m } from '$lib/paraglide/messages.js';
import type { ReleaseStatement } from '$lib/domain/heatmap/release-schema';
import type { HeatmapArea, HeatmapResult } from '$lib/domain/heatmap/schema';
import type { Release } from '$lib/db/releases.repo';
import { makerName } from '$lib/features/exchange/package-export.service';
import { previewRelease, publishRelease } from '$lib/features/heatmaps/release.service';
import { announcer } from '$lib/features/app/announcer.svelte';
import { describeError } from '$lib/i18n/errors';
import { areaName, metricName } from '$lib/i18n/heatmap-labels';
import { locale } from '$lib/features/app/locale.svelte';
import { releaseFiles, type PrintContext } from './release-files.service';

/**
 * What a release of the shown aggregate map would be: the map checked against every earlier
 * release each time the map or the tab changes (a few milliseconds), so the screen shows what
 * would leave, not what was computed. `publish` records it.
 */
export class ReleasePreview {
	#statement = $state.raw<ReleaseStatement | null>(null);
	#source = $state.raw<HeatmapResult | null>(null);
	#checking = $state(false);
	#publishing = $state(false);
	#run = 0;

	get statement(): ReleaseStatement | null {
		return this.#statement;
	}
	/** What a release of this area of this result would show, once checked (null until then). */
	statementOf(result: HeatmapResult | null, area: HeatmapArea): ReleaseStatement | null {
		const s = this.#statement;
		return result && this.#source === result && s?.area === area ? s : null;
	}
	get checking(): boolean {
		return this.#checking;
	}
	get publishing(): boolean {
		return this.#publishing;
	}

	/** Checks the map of `area` (aggregate maps only; one participant's map is never a release). */
	async update(result: HeatmapResult | null, area: HeatmapArea): Promise<void> {
		const run = ++this.#run;
		if (!result?.evidence || result.maps[area].report.view !== 'aggregate') {
			this.#statement = null;
			this.#checking = false;
			return;
		}
		this.#checking = true;
		try {
			const statement = await previewRelease(result, area);
			if (run !== this.#run) return;
			this.#statement = statement;
			this.#source = result;
		} catch (e) {
			if (run !== this.#run) return;
			this.#statement = null;
			announcer.fail(describeError(e));
		} finally {
			if (run === this.#run) this.#checking = false;
		}
	}

	/** The title a release is offered with: "Vesterbro: Time spent, grid 9". */
	defaultTitle(area: HeatmapArea): string {
		const p = this.#statement?.parameters;
		if (!p) return '';
		return m.relDefaultTitle({
			area: areaName(area),
			metric: metricName(p.metric),
			resolution: p.resolution
		});
	}

	async publish(
		result: HeatmapResult,
		area: HeatmapArea,
		title: string,
		ctx: PrintContext,
		clearanceConfirmed = false
	): Promise<Release | null> {
		this.#publishing = true;
		try {
			const releasedBy = await makerName(m.teamUnnamed());
			const release = await publishRelease(
				result,
				area,
				{ title: title.trim(), releasedBy, locale: locale.current },
				releaseFiles(ctx),
				Date.now(),
				clearanceConfirmed
			);
			announcer.confirm(m.relReleased({ title: release.title }));
			await this.update(result, area);
			return release;
		} catch (e) {
			announcer.fail(describeError(e));
			return null;
		} finally {
			this.#publishing = false;
		}
	}
}
