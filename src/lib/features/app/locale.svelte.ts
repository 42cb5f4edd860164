import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import type { AppLocale } from '$lib/domain/format/datetime';

const KEY = 'stedsans.locale';
export type LocaleChoice = AppLocale | 'auto';

/** `da*` → Danish, anything else → English (the rule). */
export function browserLocale(languages: readonly string[]): AppLocale {
	const first = languages[0] ?? 'en';
	return first.toLowerCase().startsWith('da') ? 'da' : 'en';
}

function storedChoice(): LocaleChoice {
	try {
		const v = localStorage.getItem(KEY);
		return v === 'da' || v === 'en' ? v : 'auto';
	} catch {
		return 'auto';
	}
}

class LocaleState {
	#choice = $state<LocaleChoice>(typeof window === 'undefined' ? 'auto' : storedChoice());

	get choice(): LocaleChoice {
		return this.#choice;
	}

	get current(): AppLocale {
		if (this.#choice !== 'auto') return this.#choice;
		return typeof navigator === 'undefined'
			? 'en'
			: browserLocale(navigator.languages ?? [navigator.language]);
	}

	choose(choice: LocaleChoice): void {
		this.#choice = choice;
		try {
			if (choice === 'auto') localStorage.removeItem(KEY);
			else localStorage.setItem(KEY, choice);
		} catch {
			// storage blocked: the choice holds for this session
		}
		document.documentElement.lang = this.current;
	}
}

export const locale = new LocaleState();

// Paraglide's message functions read the locale from here, so every string in a template
// re-renders when the language changes (a $state read inside the call).
overwriteGetLocale(() => locale.current as Locale);
