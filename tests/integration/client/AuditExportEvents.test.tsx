/**
 * Export events on the audit trail screen (docs/exports.md): reported by a
 * device through the server's own export audit, then read by the demo
 * coordinator, each in words — what was exported, how many rows, the case
 * or school it was limited to — in all four languages.
 */
import { render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import type { Language } from '../../../src/i18n/languages.ts';
import { recordExports } from '../../../src/server/audit/exportAudit.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { demoCasework } from '../../../src/server/seed/demoCasework.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { db } from '../../../src/storage/database.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { signIn, signOutOnServer } from '../../../src/sync/sessionApi.ts';
import { resetDevice, seedAccount, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { DEMO_PASSWORD, startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { localizedName } from '../../support/clientFixtures.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));

const LIVE = { timeout: 10_000 };
const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
const CASE = demoCasework('2026-11-23').find(
  (record) => record.entity === 'case' && 'schoolId' in record.fields && record.fields.schoolId === SCHOOL,
)!.id;
const ROWS = (1234).toLocaleString('en');
let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  server = await startAccountServer();
  const now = Date.now();
  const exported = await recordExports(
    server.db,
    { userId: DEMO_USER_IDS.team, clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a99' },
    [
      {
        id: crypto.randomUUID(),
        kind: 'caseSummary',
        rows: 1,
        caseId: CASE,
        schoolId: SCHOOL,
        municipalityId: null,
        at: now - 2000,
      },
      {
        id: crypto.randomUUID(),
        kind: 'caseList',
        rows: 1234,
        caseId: null,
        schoolId: SCHOOL,
        municipalityId: null,
        at: now - 1000,
      },
    ],
    now,
  );
  if (!exported.ok) throw new Error('the exports were refused');
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDevice();
  setBrowserOnline(true);
  vi.stubGlobal('fetch', server.fetch);
  await signOutOnServer(server.fetch, '');
  const result = await signIn(server.fetch, '', {
    login: 'coordinator',
    password: DEMO_PASSWORD,
    clientId: await getClientId(db),
  });
  if (!result.ok) throw new Error(result.reason);
  await seedAccount(['coordinator']);
  // The school as every signed-in phone receives it, so the card can name it.
  await db.schools.put({
    id: SCHOOL,
    name: localizedName('SHFMU „Ahmet Hoxha“', 'ОШ „Ахмет Хоџа“'),
    municipalityId: 'ferizaj',
    country: 'XK',
    hlcs: {},
  });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await changeLanguage('en');
});

/** The card of the export of this kind, as the screen shows it in `language`. */
async function exportCards(language: Language) {
  if (language !== 'en') await changeLanguage(language);
  window.location.hash = '#/audit';
  render(<App />);
  await screen.findAllByTestId('audit-event', {}, LIVE);
  return screen.getAllByTestId('audit-event');
}

const facts = (card: HTMLElement) =>
  within(card)
    .getAllByRole('term')
    .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent ?? ''}`);

describe('export events on the audit trail screen', { timeout: 30_000 }, () => {
  it.each([
    {
      language: 'en' as const,
      action: 'Data exported',
      summary: ['What was exported: Printed case summary', 'Rows: 1'],
      list: ['School: SHFMU „Ahmet Hoxha“', 'What was exported: Case list (CSV file)', `Rows: ${ROWS}`],
    },
    {
      language: 'sq' as const,
      action: 'Të dhënat u eksportuan',
      summary: ['Çfarë u eksportua: Përmbledhje e printuar e rastit', 'Rreshta: 1'],
      list: [
        'Shkolla: SHFMU „Ahmet Hoxha“',
        'Çfarë u eksportua: Lista e rasteve (skedar CSV)',
        `Rreshta: ${(1234).toLocaleString('sq')}`,
      ],
    },
    {
      language: 'sr-Cyrl' as const,
      action: 'Подаци извезени',
      summary: ['Шта је извезено: Одштампан сажетак случаја', 'Редова: 1'],
      list: [
        'Школа: ОШ „Ахмет Хоџа“',
        'Шта је извезено: Списак случајева (CSV датотека)',
        `Редова: ${(1234).toLocaleString('sr-Cyrl')}`,
      ],
    },
    {
      language: 'sr-Latn' as const,
      action: 'Podaci izvezeni',
      summary: ['Šta je izvezeno: Odštampan sažetak slučaja', 'Redova: 1'],
      list: [
        'Škola: SHFMU „Ahmet Hoxha“',
        'Šta je izvezeno: Spisak slučajeva (CSV datoteka)',
        `Redova: ${(1234).toLocaleString('sr-Latn')}`,
      ],
    },
  ])('reads what was exported and how many rows, in $language', async ({ language, action, summary, list }) => {
    const cards = await exportCards(language);
    const exported = cards.filter((card) =>
      facts(card).some((fact) => summary[0]!.split(':')[0] === fact.split(':')[0]),
    );
    expect(exported).toHaveLength(2);
    const [listCard, summaryCard] = exported;
    // The school's name comes from the phone's own copy of the schools, read as the screen opens.
    await within(listCard!).findByText(list[0]!.slice(list[0]!.indexOf(': ') + 2), {}, LIVE);
    expect(facts(listCard!)).toEqual(expect.arrayContaining(list));
    expect(facts(summaryCard!)).toEqual(expect.arrayContaining(summary));
    expect(within(summaryCard!).getByText(CASE)).toBeInTheDocument();
    expect(within(summaryCard!).getByText(action)).toBeInTheDocument();
  });
});
