import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { Refusal } from './errors.ts';

/**
 * Reads a body up to `limit` bytes. A declared length over the limit is refused before a byte is
 * read; a body that grows past it while streaming is refused as soon as it does.
 */
export async function readBody(
	req: IncomingMessage,
	limit: number
): Promise<Uint8Array<ArrayBuffer>> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > limit) throw tooLarge(limit);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) throw tooLarge(limit);
		chunks.push(chunk);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function tooLarge(limit: number): Refusal {
	return new Refusal('request-too-large', `A request body is at most ${limit} bytes`, { limit });
}

/** The body as JSON, parsed with `schema`: `not-json`, or `invalid` with the paths of the issues. */
export function parseBody<S extends z.ZodType>(body: Uint8Array, schema: S): z.infer<S> {
	let json: unknown;
	try {
		json = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8'));
	} catch {
		throw new Refusal('not-json', 'The body is not JSON');
	}
	return parseWith(json, schema);
}

export function parseWith<S extends z.ZodType>(value: unknown, schema: S): z.infer<S> {
	const parsed = schema.safeParse(value);
	if (!parsed.success)
		throw new Refusal('invalid', 'The request does not have the expected shape', {
			issues: parsed.error.issues.slice(0, 20).map((i) => ({
				path: i.path.join('.'),
				message: i.message
			}))
		});
	return parsed.data;
}

/**
 * Any origin may call: requests are authorised by their signatures, never by cookies, so a page
 * elsewhere gains nothing by calling the relay from a browser.
 */
export const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS',
	'access-control-allow-headers':
		'content-type, relay-device, relay-time, relay-nonce, relay-signature',
	'access-control-max-age': '600'
};

export function sendJson(res: ServerResponse, status: number, value: unknown): number {
	const text = JSON.stringify(value);
	res.writeHead(status, {
		...CORS,
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	});
	res.end(text);
	return text.length;
}
