/**
 * Demo accounts, one per kind of user, seeded with the demo data (in the same
 * transaction), so a newcomer can sign in and see what each role sees. They
 * share one published password: never seed the demo on a server holding real data.
 */
import { classKeyOf } from '../../domain/accessScope.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { assignCase } from '../accounts/caseAssignments.ts';
import { createOrganisation } from '../accounts/organisations.ts';
import { grantRole, type RoleGrant } from '../accounts/roles.ts';
import { createUser } from '../accounts/users.ts';
import { hashPassword } from '../auth/passwordHash.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOLS } from './demoPlaces.ts';
import { DEMO_STUDENTS } from './demoStudents.ts';

export const DEMO_PASSWORD = 'ura-demo-2026';

export const DEMO_USER_IDS = {
  team: '60000000-0000-4000-8000-000000000001',
  mentor: '60000000-0000-4000-8000-000000000002',
  teacher: '60000000-0000-4000-8000-000000000003',
  coordinator: '60000000-0000-4000-8000-000000000004',
  admin: '60000000-0000-4000-8000-000000000005',
} as const;

export type DemoLogin = keyof typeof DEMO_USER_IDS;

export const DEMO_ORGANISATION_IDS = {
  cso: '61000000-0000-4000-8000-000000000001',
  ferizajMed: '61000000-0000-4000-8000-000000000002',
} as const;

/** A school's organisation: 6200…, numbered as its school (2000…). */
export function demoSchoolOrganisationId(schoolId: string): string {
  return `62${schoolId.slice(2)}`;
}

function first<T>(list: readonly T[]): T {
  const [item] = list;
  if (item === undefined) throw new Error('the demo data is empty');
  return item;
}

/** The teacher's class is the first demo student's. */
const FIRST_STUDENT = first(DEMO_STUDENTS);
const FERIZAJ_SCHOOL = first(DEMO_SCHOOLS);

interface DemoAccount {
  login: DemoLogin;
  displayName: string;
  organisationId: string | null;
  /** What main.ts prints beside the login. */
  roleSummary: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    login: 'team',
    displayName: 'Demo school team',
    organisationId: demoSchoolOrganisationId(FERIZAJ_SCHOOL.id),
    roleSummary: 'school team at every demo school',
  },
  {
    login: 'mentor',
    displayName: 'Demo mentor',
    organisationId: DEMO_ORGANISATION_IDS.cso,
    roleSummary: 'CSO mentor, assigned every demo case',
  },
  {
    login: 'teacher',
    displayName: 'Demo teacher',
    organisationId: demoSchoolOrganisationId(FIRST_STUDENT.fields.schoolId),
    roleSummary: `homeroom teacher of class ${FIRST_STUDENT.fields.className}`,
  },
  {
    login: 'coordinator',
    displayName: 'Demo coordinator',
    organisationId: DEMO_ORGANISATION_IDS.ferizajMed,
    roleSummary: 'municipal coordinator in Ferizaj',
  },
  { login: 'admin', displayName: 'Demo administrator', organisationId: null, roleSummary: 'administrator' },
];

function grantsOf(login: DemoLogin): RoleGrant[] {
  switch (login) {
    case 'team':
      return DEMO_SCHOOLS.map((school): RoleGrant => ({ role: 'schoolTeam', schoolId: school.id }));
    case 'teacher': {
      const { schoolId, grade, className } = FIRST_STUDENT.fields;
      return [{ role: 'teacher', schoolId, classKey: classKeyOf(grade, className) }];
    }
    case 'coordinator':
      return [{ role: 'coordinator', municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj }];
    case 'mentor':
    case 'admin':
      return [{ role: login }];
  }
}

/**
 * One scrypt hash for all five (and for every seeding in this process): a
 * shared salt costs nothing for a password printed at start-up, and tests
 * that seed a server each time do not pay a third of a second per account.
 */
let demoHash: Promise<string> | undefined;

/** Writes the demo organisations and accounts; `caseIds` are the demo cases, all given to the mentor. */
export async function seedDemoAccounts(db: AppDatabase, now: number, caseIds: readonly string[]): Promise<void> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const schoolNames = new Map(DEMO_SCHOOLS.map((school) => [school.id, school.fields.name.en]));
  for (const school of DEMO_SCHOOLS) {
    await createOrganisation(
      db,
      null,
      {
        id: demoSchoolOrganisationId(school.id),
        kind: 'school',
        name: schoolNames.get(school.id) ?? school.id,
        municipalityId: school.fields.municipalityId,
        schoolId: school.id,
      },
      now,
    );
  }
  await createOrganisation(
    db,
    null,
    { id: DEMO_ORGANISATION_IDS.cso, kind: 'cso', name: 'Demo CSO', municipalityId: null, schoolId: null },
    now,
  );
  await createOrganisation(
    db,
    null,
    {
      id: DEMO_ORGANISATION_IDS.ferizajMed,
      kind: 'med',
      name: 'Ferizaj municipal education directorate',
      municipalityId: DEMO_MUNICIPALITY_IDS.ferizaj,
      schoolId: null,
    },
    now,
  );
  for (const account of DEMO_ACCOUNTS) {
    const id = DEMO_USER_IDS[account.login];
    const { login, displayName, organisationId } = account;
    await createUser(db, null, { id, login, displayName, organisationId, locale: 'sq', passwordHash }, now);
    for (const grant of grantsOf(account.login)) await grantRole(db, null, id, grant, now);
  }
  for (const caseId of caseIds) await assignCase(db, null, caseId, DEMO_USER_IDS.mentor, now);
}
