// The casework benchmark's way past the sign-in and the PIN (scripts/benchCasework.mjs): the same
// steps as tests/e2e/support/signIn.ts, found by the English texts the app ships, and the marks
// that time an unlock (docs/benchmarks.md, "Encryption at rest figures").
import { readFileSync } from 'node:fs';

/** The PIN the benchmark chooses (six digits, neither a run nor a repeat: src/domain/pinRules.ts). */
export const BENCH_PIN = '482915';
/** The demo school team sees every demo school (README.md); the demo password is public. */
const DEMO_LOGIN = 'team';
const DEMO_PASSWORD = 'ura-demo-2026';
/** Ura locks itself after this many idle minutes; the longest choice, so seeding and probes are not cut short. */
const IDLE_LOCK_MINUTES = '30';

const strings = (namespace) =>
  JSON.parse(readFileSync(new URL(`../locales/en/${namespace}.json`, import.meta.url), 'utf8'));
const account = strings('account');
const lock = strings('lock');
const common = strings('common');

const navigation = (page) => page.getByRole('navigation', { name: common.nav.label });

/** Signs the demo school team in on the sign-in screen and chooses the PIN; waits for the app behind it. */
export async function signInAndChoosePin(page) {
  await page.getByLabel(account.signIn.login).fill(DEMO_LOGIN);
  await page.getByLabel(account.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: account.signIn.submit }).click();
  await page.getByLabel(lock.choose.pin, { exact: true }).fill(BENCH_PIN);
  await page.getByLabel(lock.choose.confirm, { exact: true }).fill(BENCH_PIN);
  await page.getByRole('button', { name: lock.choose.submit }).click();
  await navigation(page).waitFor({ timeout: 120_000 });
  // A device setting (localStorage), read when the app starts: from the next reload on.
  await page.evaluate((minutes) => localStorage.setItem('ura.idleLockMinutes', minutes), IDLE_LOCK_MINUTES);
}

/** Waits for "Unlock Ura", types the PIN and presses Unlock; the caller waits for the screen it measures. */
export async function pressUnlock(page, timeout = 180_000) {
  const pin = page.getByLabel(lock.unlock.pin, { exact: true });
  await pin.waitFor({ timeout });
  await pin.fill(BENCH_PIN);
  await page.getByRole('button', { name: lock.unlock.submit }).click();
}

/** Unlocks and waits for the app's tab bar. */
export async function unlockApp(page) {
  await pressUnlock(page);
  await navigation(page).waitFor({ timeout: 180_000 });
}

/**
 * Marks, in every document the benchmark opens (an init script: it runs before
 * the app's own, and the app's CSP does not apply to it):
 * - `bench:pin-shown` at the frame after the PIN field first appears, i.e. the
 *   lock screen painted and ready for the PIN;
 * - `unlock:start` when the PIN's form is submitted (capture, before React's own
 *   handler runs), i.e. Unlock pressed. The time the benchmark spends typing the
 *   PIN lies between the two and is in no figure.
 */
export async function installLockMarks(context) {
  await context.addInitScript(() => {
    const pinField = () => document.querySelector('input[name="pin"]');
    const observer = new MutationObserver(() => {
      if (pinField() === null) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        // A message after the frame's rendering steps: the earliest point the field is on screen.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => performance.mark('bench:pin-shown');
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
    window.addEventListener(
      'submit',
      (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.querySelector('input[name="pin"]') === null) return;
        if (performance.getEntriesByName('unlock:start').length === 0) performance.mark('unlock:start');
      },
      { capture: true },
    );
  });
}
