import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A phone: 360 px wide, touch, English unless told otherwise. */
function phoneOptions(locale: string) {
  return {
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale,
    serviceWorkers: 'allow' as const,
  };
}

/** Debian's Chromium, never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** A phone-sized context: 360 px wide, touch, English unless told otherwise. */
export async function newPhoneContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext(phoneOptions(locale));
}

/**
 * A phone whose browser profile lives on disk in `userDataDir`, as a real
 * phone's does: closing it leaves its files behind to be read (or the same
 * profile opened again, as a phone is restarted).
 */
export async function launchPersistentPhone(userDataDir: string, locale = 'en-US'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, ...phoneOptions(locale) });
}

/** Opens the app and waits until its service worker controls the page (the app then works offline). */
export async function openControlledApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // With registerType 'prompt' the first worker does not claim the page that registered it.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations on the current screen, per axe-core. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: an injected <script> would be (rightly) blocked by our CSP.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
