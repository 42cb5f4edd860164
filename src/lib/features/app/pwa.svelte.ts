/**
 * Service worker registration. A new version waits until the user chooses to reload
 * (registerType 'prompt'), so nothing reloads under someone who is typing.
 */
class PwaState {
	#needRefresh = $state(false);
	#offlineReady = $state(false);
	#update: ((reload?: boolean) => Promise<void>) | null = null;

	get needRefresh() {
		return this.#needRefresh;
	}
	get offlineReady() {
		return this.#offlineReady;
	}

	#registering = false;

	/** Registers the service worker; workbox-window is loaded then, off the first screen's path. */
	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || this.#registering) return;
		this.#registering = true;
		const { registerSW } = await import('virtual:pwa-register');
		this.#update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.#needRefresh = true),
			onOfflineReady: () => (this.#offlineReady = true),
			onRegisteredSW: (_url, registration) => {
				// Look for a new version every hour while the app stays open.
				if (registration) setInterval(() => void registration.update().catch(() => {}), 3_600_000);
			}
		});
	}

	async reload(): Promise<void> {
		this.#needRefresh = false;
		await this.#update?.(true);
	}

	later(): void {
		this.#needRefresh = false;
	}
}

export const pwa = new PwaState();
