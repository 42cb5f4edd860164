import type { AppLocale } from '$lib/domain/format/datetime';

/** A message without inputs, in the current language or the one given (an export names its own). */
export type Message = (inputs?: Record<string, never>, options?: { locale?: AppLocale }) => string;
