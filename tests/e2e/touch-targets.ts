import type { Page } from '@playwright/test';

/**
 * The visible controls smaller than 44 × 44 px (WCAG 2.5.5's size), as the user's thumb meets
 * them, scrolled into view or not: a checkbox, radio or file input counts with its label (the
 * label is what is tapped). A link inside a sentence is exempt (2.5.5's inline
 * exception), as is whatever lies wholly off the screen (the skip link until it is focused).
 */
export function smallTargets(page: Page, min = 44): Promise<string[]> {
	return page.evaluate((min) => {
		const out: string[] = [];
		const width = document.documentElement.clientWidth;
		const height = document.documentElement.clientHeight;
		const controls = document.querySelectorAll<HTMLElement>(
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="switch"], [role="option"], [role="tab"]'
		);
		const inSentence = (el: HTMLElement) => {
			if (el.tagName !== 'A') return false;
			const parent = el.parentElement;
			if (!parent) return false;
			const text = (parent.textContent ?? '').trim();
			return (
				text.length > (el.textContent ?? '').trim().length + 2 &&
				getComputedStyle(el).display === 'inline'
			);
		};
		for (const el of controls) {
			if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			if (el.closest('[inert], [aria-hidden="true"]')) continue;
			if (inSentence(el)) continue;
			// The box the finger meets: a box inside its label is tapped through the label.
			const label =
				el instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(el.type)
					? (el.closest('label') ??
						(el.id ? document.querySelector(`label[for="${el.id}"]`) : null))
					: null;
			const r = (label ?? el).getBoundingClientRect();
			const offScreen = r.right <= 0 || r.left >= width || r.bottom <= 0 || r.top >= height;
			if (offScreen) continue;
			if (r.width === 0 && r.height === 0) continue;
			if (r.width < min - 0.5 || r.height < min - 0.5) {
				const name =
					el.getAttribute('aria-label') ??
					((label ?? el).textContent ?? '').trim().slice(0, 30) ??
					'';
				out.push(
					`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`
				);
			}
		}
		return out;
	}, min);
}
