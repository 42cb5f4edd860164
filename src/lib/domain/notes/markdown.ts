import type { DocNode } from './doc';

/** The note's rich text as Markdown: paragraphs, bold/italic, lists, quotes; mentions as text. */
export function docToMarkdown(doc: DocNode): string {
	return blocks(doc.content ?? [], '')
		.join('\n\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

function blocks(nodes: DocNode[], indent: string): string[] {
	return nodes.map((n) => block(n, indent)).filter((s) => s !== '');
}

function block(node: DocNode, indent: string): string {
	switch (node.type) {
		case 'paragraph':
			return indent + inline(node.content ?? []);
		case 'heading':
			return `${indent}${'#'.repeat(Number(node.attrs?.level ?? 2))} ${inline(node.content ?? [])}`;
		case 'blockquote':
			return blocks(node.content ?? [], '')
				.join('\n\n')
				.split('\n')
				.map((l) => `${indent}> ${l}`.trimEnd())
				.join('\n');
		case 'bulletList':
		case 'orderedList':
			return (node.content ?? [])
				.map((item, i) => {
					const marker = node.type === 'bulletList' ? '- ' : `${i + 1}. `;
					const [first = '', ...rest] = blocks(item.content ?? [], '');
					const pad = ' '.repeat(marker.length);
					return [indent + marker + first, ...rest.map((r) => indent + pad + r)].join('\n');
				})
				.join('\n');
		case 'codeBlock':
			return `${indent}\`\`\`\n${inline(node.content ?? [])}\n${indent}\`\`\``;
		case 'horizontalRule':
			return `${indent}---`;
		default:
			return indent + inline(node.content ?? []);
	}
}

/** Characters that Markdown would read as formatting are escaped: a note's text stays text. */
function escape(text: string): string {
	return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function inline(nodes: DocNode[]): string {
	return nodes
		.map((n) => {
			if (n.type === 'hardBreak') return '  \n';
			if (n.type === 'mention')
				return (
					(n.attrs?.mentionSuggestionChar === '#' ? '\\#' : '@') +
					escape(String(n.attrs?.label ?? ''))
				);
			if (n.type !== 'text') return inline(n.content ?? []);
			let t = escape(n.text ?? '');
			const marks = new Set((n.marks ?? []).map((m) => m.type));
			if (marks.has('italic')) t = `*${t}*`;
			if (marks.has('bold')) t = `**${t}**`;
			return t;
		})
		.join('');
}
