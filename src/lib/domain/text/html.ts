const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/**
 * Text made safe for a place that reads HTML (MapLibre's attribution control, an SVG's text and
 * attributes): it shows as written. The names and credits it carries come from files anyone can
 * make (a map archive's metadata, a boundary file), so their markup must never become elements.
 */
export function htmlText(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
