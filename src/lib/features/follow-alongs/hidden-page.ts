/** What the recorder does when the page goes out of sight and comes back. */
export interface HiddenPageHandlers {
	/** A day is being recorded now (not paused). */
	recording(): boolean;
	/** The page is hidden: no positions come until it is shown again. */
	hidden(recording: boolean): void;
	/** The page is shown again; `since`: when it was hidden. */
	shown(since: number, recording: boolean): void;
	/** The page may be gone for good: what is held is written. */
	leaving(): void;
}

/**
 * Watches the page while a day is recorded. A web app gets no positions with the screen off or
 * in the background; while recording, the tab's title says so, the one warning a hidden page can
 * give (seen in the tab strip and the app switcher). Returns the function that stops watching.
 */
export function watchHiddenPage(handlers: HiddenPageHandlers, hiddenTitle: () => string) {
	let title: string | null = null;
	let since: number | null = null;
	const onVisibility = () => {
		const recording = handlers.recording();
		if (document.visibilityState === 'hidden') {
			if (recording) {
				title = document.title;
				document.title = hiddenTitle();
			}
			since = Date.now();
			handlers.hidden(recording);
		} else {
			if (title !== null && document.title === hiddenTitle()) document.title = title;
			title = null;
			if (since !== null) handlers.shown(since, recording);
			since = null;
		}
	};
	const onPageHide = () => handlers.leaving();
	document.addEventListener('visibilitychange', onVisibility);
	window.addEventListener('pagehide', onPageHide);
	return () => {
		document.removeEventListener('visibilitychange', onVisibility);
		window.removeEventListener('pagehide', onPageHide);
	};
}
