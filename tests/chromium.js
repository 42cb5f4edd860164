// Where the browser for tests comes from: CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then Playwright's own download. Fails with a message that says how to get one.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const c of candidates) if (c && existsSync(c)) return c;
	try {
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// no Playwright browser downloaded
	}
	throw new Error(
		'No Chromium found. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
			'or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.'
	);
}

/**
 * Flags that keep a test browser from contacting any host but the app: the host-resolver rule
 * sends every other name nowhere, which is what lets a spec prove that no request left the
 * device; the rest turn off Chromium's own calls home (updates, sync, safe browsing, hints).
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--disable-domain-reliability',
	'--no-pings',
	'--disable-client-side-phishing-detection',
	'--disable-default-apps',
	'--allow-browser-signin=false',
	'--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying',
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	// WebGL (the maps) still runs in SwiftShader; the page itself is composited in software,
	// which on a two-core machine without a GPU costs far less (a screens spec: 37.5 s → 30.8 s).
	'--disable-gpu-compositing'
];
