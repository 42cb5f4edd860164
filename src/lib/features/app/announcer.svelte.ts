export interface StatusAction {
	label: string;
	run: () => void | Promise<void>;
}

interface StatusMessage {
	id: number;
	text: string;
	action?: StatusAction;
}

/**
 * One place for what the app tells the user: errors go to a role="alert" region,
 * confirmations (with an optional action such as Undo) to a role="status" region.
 */
class Announcer {
	#error = $state<string | null>(null);
	/** The screen (path) the error was raised on: it belongs there, not on the next screen. */
	#errorScreen: string | null = null;
	#screen: string | null = null;
	#status = $state<StatusMessage | null>(null);
	#seq = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	get error() {
		return this.#error;
	}
	get status() {
		return this.#status;
	}

	fail(text: string): void {
		this.#error = text;
		this.#errorScreen = this.#screen;
	}

	/**
	 * The screen now shown (its path). An error stays with the screen that raised it: a GPX
	 * problem is not still on show when the user has moved on to the heatmaps. Confirmations
	 * (with their Undo) may follow the user, since an action often ends on another screen.
	 */
	showing(screen: string): void {
		this.#screen = screen;
		if (this.#error !== null && this.#errorScreen !== null && this.#errorScreen !== screen)
			this.dismissError();
	}

	confirm(text: string, action?: StatusAction, ms = action ? 10_000 : 5_000): void {
		clearTimeout(this.#timer);
		const id = ++this.#seq;
		this.#status = { id, text, action };
		this.#timer = setTimeout(() => {
			if (this.#status?.id === id) this.#status = null;
		}, ms);
	}

	/**
	 * Runs the confirmation's action (Undo) once. The action is taken before the message is
	 * cleared, because clearing it unmounts the button that was pressed.
	 */
	async runAction(): Promise<void> {
		const action = this.#status?.action;
		this.dismissStatus();
		if (!action) return;
		try {
			await action.run();
		} catch (e) {
			this.fail(e instanceof Error ? e.message : String(e));
		}
	}

	dismissError(): void {
		this.#error = null;
	}

	dismissStatus(): void {
		this.#status = null;
	}

	reset(): void {
		this.#error = null;
		this.#status = null;
	}
}

export const announcer = new Announcer();
