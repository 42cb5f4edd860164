import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';

export interface MenuItem {
	id: string;
	label: string;
	detail?: string;
	/** Not a record yet: choosing it asks `oncreate` to make one with this code or name. */
	create?: string;
}

/** Makes the record an item asked for, then links it with `link` (or not, when cancelled). */
export type CreateHandler = (
	value: string,
	link: (item: { id: string; label: string }) => void
) => void;

/**
 * The state of the @ / # picker: which items, which is active, where to show it.
 * The editor drives it through Tiptap's suggestion lifecycle; a Svelte component renders it.
 */
export class SuggestionMenu {
	#open = $state(false);
	#items = $state.raw<MenuItem[]>([]);
	#active = $state(0);
	#rect = $state.raw<DOMRect | null>(null);
	#command: ((item: { id: string; label: string }) => void) | null = null;

	readonly #oncreate: CreateHandler | undefined;

	constructor(oncreate?: CreateHandler) {
		this.#oncreate = oncreate;
	}

	get open() {
		return this.#open;
	}
	get items() {
		return this.#items;
	}
	get active() {
		return this.#active;
	}
	get rect() {
		return this.#rect;
	}

	show(props: SuggestionProps<MenuItem>): void {
		this.#items = props.items;
		this.#active = 0;
		this.#rect = props.clientRect?.() ?? null;
		this.#command = (item) => props.command({ id: item.id, label: item.label });
		this.#open = true;
	}

	hide(): void {
		this.#open = false;
		this.#command = null;
	}

	choose(item: MenuItem): void {
		const command = this.#command;
		this.hide();
		// The mention is inserted where the @ was typed once the record exists: Tiptap's command
		// keeps the range, and the text does not change while the dialog is open over it.
		if (item.create !== undefined && this.#oncreate)
			this.#oncreate(item.create, (made) => command?.(made));
		else command?.(item);
	}

	keyDown({ event }: SuggestionKeyDownProps): boolean {
		if (!this.#open) return false;
		const n = this.#items.length;
		if (event.key === 'ArrowDown' && n) this.#active = (this.#active + 1) % n;
		else if (event.key === 'ArrowUp' && n) this.#active = (this.#active - 1 + n) % n;
		else if (event.key === 'Enter' || event.key === 'Tab') {
			const item = this.#items[this.#active];
			if (!item) return false;
			this.choose(item);
		} else if (event.key === 'Escape') this.hide();
		else return false;
		return true;
	}

	renderer() {
		return {
			onStart: (p: SuggestionProps<MenuItem>) => this.show(p),
			onUpdate: (p: SuggestionProps<MenuItem>) => this.show(p),
			onKeyDown: (p: SuggestionKeyDownProps) => this.keyDown(p),
			onExit: () => this.hide()
		};
	}
}
