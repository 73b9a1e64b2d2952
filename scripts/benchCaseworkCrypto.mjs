// Encryption-at-rest probes of the casework benchmark (scripts/benchCasework.mjs): the PIN's key
// derivation alone, sealing one row, and how much of reading the case list is opening sealed rows.
// No goals of their own: they explain the unlock and warm-start figures (docs/benchmarks.md,
// "Encryption at rest figures").
import { count, median, ms, THROTTLE } from './benchCaseworkFigures.mjs';
import { BENCH_PIN } from './benchCaseworkLock.mjs';

const RUNS = 3;
/** The case list's first screen (CASE_PAGE_SIZE in src/features/cases/CaseListPage.tsx). */
const HEAD_SIZE = 25;

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const runsOf = (values) => `[${values.map(ms).join(', ')}]`;

async function printPinKey(page, label) {
  const timings = await page.evaluate((options) => window.__uraBench.pinKey(options), { pin: BENCH_PIN, runs: RUNS });
  console.log(
    `PIN key derivation alone (PBKDF2-SHA-256, ${count(timings.iterations)} iterations), ${label}: ` +
      `median ${ms(median(timings.deriveMs))} ${runsOf(timings.deriveMs)}; ` +
      `whole unlockWithPin (vault read and writes, PBKDF2, unwrap) median ${ms(median(timings.unlockMs))} ${runsOf(timings.unlockMs)}`,
  );
}

async function printCaseIndexOpening(page, label) {
  const timings = await page.evaluate((options) => window.__uraBench.caseIndexOpening(options), {
    runs: RUNS,
    headSize: HEAD_SIZE,
  });
  const opening = median(timings.openMs);
  const perEntry = timings.entries > 0 ? ((opening / timings.entries) * 1000).toFixed(0) : '—';
  console.log(
    `  case index read for the list, ${count(timings.entries)} entries (${mb(timings.sealedBytes)} sealed, ` +
      `${mb(timings.plainJsonBytes)} as JSON), ${label}: IndexedDB getAll ${ms(median(timings.readMs))} + ` +
      `opening the rows ${ms(opening)} (${perEntry} µs per entry); db.caseIndex.toArray() ${ms(median(timings.toArrayMs))} ` +
      `[median of ${RUNS}]`,
  );
  console.log(
    `  the list's first screen (loadCaseListHead, ${HEAD_SIZE} rows, opens ${count(timings.headEntries)} entries), ${label}: ` +
      `alone ${ms(median(timings.headMs))}; started beside the whole list, as useCaseList does, it arrives after ` +
      `${ms(median(timings.headBesideFullMs))} (whole list ${ms(median(timings.fullBesideHeadMs))}) ` +
      `[${timings.headBesideFullMs.map(ms).join(', ')}]`,
  );
  console.log(
    `  the same entries in a scratch database, getAll, ${label}: kept plain ${ms(median(timings.scratchPlainReadMs))}, ` +
      `sealed ${ms(median(timings.scratchSealedReadMs))} (no opening) [median of ${RUNS}, taking turns]`,
  );
}

async function printSealing(page, label) {
  const s = await page.evaluate((options) => window.__uraBench.sealing(options), { count: 1000 });
  const us = (value) => `${Math.round(value).toLocaleString('en')} µs`;
  console.log(
    `  one row sealed / opened whole, ${label}: home-visit note (${count(Math.round(s.visitBytes))} B sealed) ` +
      `${us(s.visitSealUs)} / ${us(s.visitOpenUs)}; case index entry (${count(Math.round(s.indexBytes))} B) ` +
      `${us(s.indexSealUs)} / ${us(s.indexOpenUs)} [mean over 1,000 rows each]`,
  );
}

/** Both probes, unthrottled and at THROTTLE× CPU, in the page `injectBench` prepared (its `db` unlocked). */
export async function measureCrypto(page, setThrottle) {
  for (const rate of [1, THROTTLE]) {
    const label = rate > 1 ? `${rate}× CPU throttle` : 'unthrottled';
    await setThrottle(rate);
    try {
      await printPinKey(page, label);
      await printSealing(page, label);
      await printCaseIndexOpening(page, label);
    } catch (error) {
      console.log(`encryption probes, ${label}: not measured — ${error.message.split('\n')[0]}`);
    } finally {
      await setThrottle(1);
    }
  }
}
