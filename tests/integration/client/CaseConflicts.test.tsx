import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FieldConflict } from '../../../src/domain/fieldConflict.ts';
import { CaseConflicts } from '../../../src/features/cases/CaseConflicts.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { updateWorker } from '../../../src/state/workerStore.ts';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';
import { signInOnCase } from '../../support/writeRightsFixtures.ts';

const OTHER_DEVICE = '88888888-0000-4000-8000-000000000002';
const THEIRS = '+383 44 999 999';
const MINE = '+383 44 111 111';
/** Later than anything the device wrote in beforeEach, so the pulled value replaces the device's own. */
const KEPT_HLC = `${new Date(Date.now() + 60_000).toISOString()}-0000-aaaaaaaaaaaaaaaa`;
let studentId: string;
let caseId: string;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all(['casework', 'cases', 'students', 'common'].map((ns) => loadNamespace(ns as 'cases')));
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  await changeLanguage('en');
  updateWorker({ name: 'Drita Berisha', role: 'schoolTeam' });
  const school = await seedSchool(db, { country: 'XK' });
  studentId = await seedStudentAt(db, school, { guardianPhone: MINE });
  caseId = newRecordId();
  await createCase(db, { id: caseId, studentId, trigger: 'absence', at: '2026-11-02' });
  await db.outbox.clear();
  await seedSchoolTeamAccount();
});

/** A clash as a pull brings it, with the kept value pulled onto the record first (as the server sends both). */
async function pullClash(clash: Partial<FieldConflict> & Pick<FieldConflict, 'recordEntity' | 'recordId' | 'field'>) {
  const hlc = KEPT_HLC;
  const fields: Omit<FieldConflict, 'id'> = {
    keptValue: THEIRS,
    keptHlc: hlc,
    keptBy: OTHER_DEVICE,
    lostValue: MINE,
    lostHlc: '2026-11-23T10:00:01.000Z-0000-bbbbbbbbbbbbbbbb',
    lostBy: await getClientId(db),
    choice: null,
    resolvedBy: null,
    ...clash,
  };
  const id = newRecordId();
  const stamps = (names: string[]) => Object.fromEntries(names.map((name) => [name, hlc]));
  await applyRemoteChanges(
    db,
    [
      {
        entity: clash.recordEntity,
        entityId: clash.recordId,
        fields: { [clash.field]: fields.keptValue },
        hlcs: stamps([clash.field]),
      },
      { entity: 'conflict', entityId: id, fields, hlcs: stamps(Object.keys(fields)) },
    ],
    1,
  );
  return id;
}

async function renderClashes() {
  const user = userEvent.setup();
  render(<CaseConflicts caseId={caseId} />);
  const section = await screen.findByRole('region', { name: 'Changed on two devices' });
  return { user, section };
}

const sideOf = (section: HTMLElement, label: string) =>
  within(section).getByText(label).closest('.clash-side') as HTMLElement;

describe('clashes on the case view', () => {
  it('shows nothing when the case has no clash', async () => {
    const { container } = render(<CaseConflicts caseId={caseId} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it("shows a student's clash on the case with both values, which one is yours and which is shown now", async () => {
    await pullClash({ recordEntity: 'student', recordId: studentId, field: 'guardianPhone' });
    const { section } = await renderClashes();

    expect(within(section).getByText("Student · Guardian's phone")).toBeInTheDocument();
    expect(within(sideOf(section, 'Yours')).getByText(MINE)).toBeInTheDocument();
    expect(within(sideOf(section, 'From another device')).getByText(THEIRS)).toBeInTheDocument();
    expect(within(section).getByText(/shown now/)).toBeInTheDocument();
  });

  it('puts your value back when you keep yours, and queues both changes to sync', async () => {
    const clashId = await pullClash({ recordEntity: 'student', recordId: studentId, field: 'guardianPhone' });
    const { user, section } = await renderClashes();

    await user.click(within(sideOf(section, 'Yours')).getByRole('button', { name: 'Keep this' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changed on two devices' })).toBeNull(), {
      timeout: 5000,
    });
    expect((await db.students.get(studentId))?.guardianPhone).toBe(MINE);
    expect(await db.conflicts.get(clashId)).toMatchObject({ choice: 'lost', resolvedBy: 'Drita Berisha' });
    const queued = (await db.outbox.orderBy('seq').toArray()).map((row) => row.mutation);
    expect(queued).toEqual([
      expect.objectContaining({
        entity: 'student',
        op: 'set',
        fields: { guardianPhone: MINE },
        base: { guardianPhone: KEPT_HLC },
      }),
      expect.objectContaining({
        entity: 'conflict',
        entityId: clashId,
        op: 'set',
        fields: { choice: 'lost', resolvedBy: 'Drita Berisha' },
      }),
    ]);
  });

  it('leaves the record alone when you keep the value shown now, and writes once on a double tap', async () => {
    const clashId = await pullClash({ recordEntity: 'student', recordId: studentId, field: 'guardianPhone' });
    const { user, section } = await renderClashes();
    const keepTheirs = within(sideOf(section, 'From another device')).getByRole('button', { name: 'Keep this' });

    await user.dblClick(keepTheirs);

    await waitFor(async () => expect((await db.conflicts.get(clashId))?.choice).toBe('kept'));
    expect((await db.students.get(studentId))?.guardianPhone).toBe(THEIRS);
    const queued = (await db.outbox.toArray()).map((row) => row.mutation.entity);
    expect(queued).toEqual(['conflict']);
  });

  it('lets a mentor keep a case field as shown, but not write the other value back into the case', async () => {
    await signInOnCase('mentor', caseId);
    const clash = { recordEntity: 'case', recordId: caseId, field: 'caseManagerId' } as const;
    const clashId = await pullClash({ ...clash, keptValue: 'Ana Marković', lostValue: 'Drita Berisha' });
    const { user, section } = await renderClashes();

    expect(within(sideOf(section, 'Yours')).queryByRole('button', { name: 'Keep this' })).not.toBeInTheDocument();
    expect(
      within(sideOf(section, 'Yours')).getByText('Your role cannot bring this value back. Ask the school team.'),
    ).toBeInTheDocument();
    await user.click(within(sideOf(section, 'From another device')).getByRole('button', { name: 'Keep this' }));

    await waitFor(async () => expect((await db.conflicts.get(clashId))?.choice).toBe('kept'));
    expect((await db.cases.get(caseId))?.caseManagerId).toBe('Ana Marković');
    expect((await db.outbox.toArray()).map((row) => row.mutation.entity)).toEqual(['conflict']);
  });

  it('puts a status into words in Serbian, and labels sides of two other devices as kept and replaced', async () => {
    await changeLanguage('sr-Cyrl');
    await Promise.all(['casework', 'cases', 'students', 'common'].map((ns) => loadNamespace(ns as 'cases')));
    await pullClash({
      recordEntity: 'case',
      recordId: caseId,
      field: 'status',
      keptValue: 'open',
      lostValue: 'assessed',
      lostBy: '88888888-0000-4000-8000-000000000003',
    });
    // Keys of other namespaces, looked up as the screen does.
    const t = i18next.getFixedT('sr-Cyrl') as unknown as (key: string) => string;
    render(<CaseConflicts caseId={caseId} />);
    const section = await screen.findByRole('region', { name: t('cases:conflict.title') });

    expect(within(section).getByText(t('casework:status.open'))).toBeInTheDocument();
    expect(within(section).getByText(t('casework:status.assessed'))).toBeInTheDocument();
    expect(within(section).getByText(t('cases:conflict.side.kept'))).toBeInTheDocument();
    expect(within(section).getByText(t('cases:conflict.side.replaced'))).toBeInTheDocument();
    expect(t('casework:status.open')).not.toBe('Open');
  });

  it('shows a clash chosen on another phone no more', async () => {
    const clashId = await pullClash({ recordEntity: 'student', recordId: studentId, field: 'guardianPhone' });
    await renderClashes();
    const later = `${new Date(Date.now() + 120_000).toISOString()}-0000-aaaaaaaaaaaaaaaa`;
    await applyRemoteChanges(
      db,
      [
        {
          entity: 'conflict',
          entityId: clashId,
          fields: { choice: 'kept', resolvedBy: 'Arben' },
          hlcs: { choice: later, resolvedBy: later },
        },
      ],
      2,
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changed on two devices' })).toBeNull(), {
      timeout: 5000,
    });
  });
});
