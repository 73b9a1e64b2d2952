import { describe, expect, it } from 'vitest';
import { classKeyOf, EMPTY_SCOPE, type AccessScope } from '../../../../src/domain/accessScope.ts';
import {
  countRows,
  duplicateKey,
  rosterChecker,
  studentsToImport,
  type KnownStudent,
  type RosterRow,
} from '../../../../src/domain/roster/rosterCheck.ts';
import type { RosterPlace } from '../../../../src/domain/roster/rosterDraft.ts';
import { guessMapping } from '../../../../src/domain/roster/rosterFields.ts';

const SCHOOL_ID = '20000000-0000-4000-8000-000000000001';
const TODAY = new Date('2026-12-07T10:00:00Z');
const HEADER = ['Emri', 'Mbiemri', 'Gjinia', 'Datëlindja', 'Klasa', 'Paralelja', 'Shkolla', 'Fshat', 'Tel. prindit'];
const SCHOOL: RosterPlace = {
  schoolId: SCHOOL_ID,
  schoolNames: ['SHFMU „Ahmet Hoxha“', 'OŠ „Ahmet Hoxha“', 'ОШ „Ахмет Хоџа“'],
  classOf: null,
};
const TEAM: AccessScope = { ...EMPTY_SCOPE, roles: ['schoolTeam'], schoolIds: [SCHOOL_ID] };
const TEACHER: AccessScope = {
  ...EMPTY_SCOPE,
  roles: ['teacher'],
  classes: [{ schoolId: SCHOOL_ID, classKey: classKeyOf(7, '7/2') }],
};
/** Ana Đorđević, as the device keeps her: names folded by foldForSearch. */
const ON_DEVICE: KnownStudent[] = [{ searchKey: 'ana dordevic', dateOfBirth: '2013-04-02' }];

function check(rows: string[][], scope = TEAM, place = SCHOOL, header = HEADER): RosterRow[] {
  const next = rosterChecker({ mapping: guessMapping(header), place, scope, known: ON_DEVICE, today: TODAY });
  return rows.map((cells, index) => next({ rowNumber: index + 2, cells }));
}

const row = (overrides: Partial<Record<string, string>> = {}): string[] => {
  const values: Record<string, string> = {
    Emri: 'Arbër',
    Mbiemri: 'Krasniqi',
    Gjinia: 'M',
    Datëlindja: '05.03.2014',
    Klasa: '7',
    Paralelja: '7/2',
    Shkolla: '',
    Fshat: '',
    'Tel. prindit': '+383 44 123 456',
    ...overrides,
  };
  return HEADER.map((name) => values[name] ?? '');
};

describe('rosterChecker: values and validation', () => {
  it('turns a good row into the student the form would save', () => {
    const [checked] = check([row({ Fshat: 'Po', Shkolla: 'OS Ahmet Hoxha' })], TEAM, SCHOOL, [
      ...HEADER.slice(0, 7),
      'Zona rurale',
      HEADER[8]!,
    ]);
    expect(checked).toMatchObject({ rowNumber: 2, problems: [], duplicate: null });
    expect(checked?.student).toEqual({
      givenName: 'Arbër',
      familyName: 'Krasniqi',
      sex: 'male',
      dateOfBirth: '2014-03-05',
      schoolId: SCHOOL_ID,
      grade: 7,
      className: '7/2',
      community: '',
      rural: true,
      guardianName: '',
      guardianPhone: '+383 44 123 456',
    });
  });

  it('names each problem with its field: missing name, impossible date, age, unknown school, words not understood', () => {
    const rows = check([
      row({ Emri: '' }),
      row({ Datëlindja: '31.02.2014' }),
      row({ Datëlindja: '05.03.2024' }),
      row({ Datëlindja: '05.03.1990' }),
      row({ Datëlindja: '05.03.27' }),
      row({ Shkolla: 'SHFMU „Tefik Çanga“' }),
      row({ Gjinia: 'X', Klasa: 'shtatë' }),
      row({ 'Tel. prindit': 'call the uncle' }),
    ]);
    expect(rows.map((checked) => checked.problems)).toEqual([
      [{ field: 'givenName', code: 'required' }],
      [{ field: 'dateOfBirth', code: 'invalidDate' }],
      [{ field: 'dateOfBirth', code: 'implausibleAge' }],
      [{ field: 'dateOfBirth', code: 'implausibleAge' }],
      [{ field: 'dateOfBirth', code: 'unrecognised', value: '05.03.27' }],
      [{ field: 'school', code: 'unknownSchool', value: 'SHFMU „Tefik Çanga“' }],
      [
        { field: 'sex', code: 'unrecognised', value: 'X' },
        { field: 'grade', code: 'unrecognised', value: 'shtatë' },
      ],
      [{ field: 'guardianPhone', code: 'invalidPhone' }],
    ]);
    expect(rows.every((checked) => checked.student === null)).toBe(true);
    expect(countRows(rows)).toEqual({ ready: 0, withErrors: 8, duplicates: 0 });
  });

  it('accepts the school written in any of its names, in any script', () => {
    for (const name of ['OŠ „Ahmet Hoxha“', 'ОШ „Ахмет Хоџа“', 'shfmu ahmet hoxha', SCHOOL_ID]) {
      expect(check([row({ Shkolla: name })])[0]?.problems).toEqual([]);
    }
  });

  it('takes the grade from the class name when the file has no grade column', () => {
    const header = ['Emri', 'Mbiemri', 'Gjinia', 'Datëlindja', 'Paralelja'];
    const [checked] = check([['Besa', 'Gashi', 'F', '2014-01-09', 'VII/2']], TEAM, SCHOOL, header);
    expect(checked?.student).toMatchObject({ grade: 7, className: 'VII/2' });
  });
});

describe('rosterChecker: a teacher imports only into their class', () => {
  const theirClass: RosterPlace = { ...SCHOOL, classOf: { grade: 7, className: '7/2' } };

  it('puts rows without a class into the teacher’s class', () => {
    const header = ['Emri', 'Mbiemri', 'Gjinia', 'Datëlindja'];
    const [checked] = check([['Besa', 'Gashi', 'F', '09.01.2014']], TEACHER, theirClass, header);
    expect(checked?.student).toMatchObject({ grade: 7, className: '7/2' });
  });

  it('refuses rows of another class, and the teacher’s own when written the same way', () => {
    const rows = check(
      [row(), row({ Emri: 'Dion', Paralelja: '7/1' }), row({ Emri: 'Ilir', Klasa: '8' })],
      TEACHER,
      theirClass,
    );
    expect(rows.map((checked) => checked.problems)).toEqual([
      [],
      [{ field: 'className', code: 'outsideClass' }],
      [{ field: 'className', code: 'outsideClass' }],
    ]);
  });

  it('refuses every row for a role that may not register students', () => {
    const mentor: AccessScope = { ...EMPTY_SCOPE, roles: ['mentor'] };
    expect(check([row()], mentor)[0]?.problems).toEqual([{ field: 'className', code: 'outsideClass' }]);
  });
});

describe('rosterChecker: duplicates', () => {
  it('finds a student already on the device written in another script or without diacritics', () => {
    const rows = check([
      row({ Emri: 'Ana', Mbiemri: 'Djordjevic', Datëlindja: '02.04.2013', Gjinia: 'F' }),
      row({ Emri: 'Ана', Mbiemri: 'Ђорђевић', Datëlindja: '2.4.2013', Gjinia: 'Ж' }),
      row({ Emri: 'Đorđević', Mbiemri: 'Ana', Datëlindja: '2013-04-02', Gjinia: 'F' }),
      // Same name, another birthday: another child.
      row({ Emri: 'Ana', Mbiemri: 'Djordjevic', Datëlindja: '03.04.2013', Gjinia: 'F' }),
    ]);
    expect(rows.map((checked) => checked.duplicate)).toEqual([
      { of: 'device' },
      { of: 'device' },
      { of: 'device' },
      null,
    ]);
    expect(countRows(rows)).toEqual({ ready: 1, withErrors: 0, duplicates: 3 });
  });

  it('finds a row repeating an earlier row of the file', () => {
    const rows = check([
      row({ Mbiemri: 'Krasniqi' }),
      row({ Emri: 'Besa', Mbiemri: 'Gashi', Gjinia: 'F' }),
      row({ Mbiemri: 'KRASNIQÍ' }),
      row({ Emri: 'Arber', Mbiemri: 'Krasniqi', Datëlindja: '2014-03-05' }),
    ]);
    expect(rows.map((checked) => checked.duplicate)).toEqual([
      null,
      null,
      { of: 'row', rowNumber: 2 },
      { of: 'row', rowNumber: 2 },
    ]);
  });

  it('imports duplicates only when chosen, and never a row with problems', () => {
    const rows = check([
      row(),
      row({ Mbiemri: 'Krasniqí' }),
      row({ Emri: 'Ana', Mbiemri: 'Đorđević', Datëlindja: '02.04.2013' }),
      row({ Emri: '' }),
    ]);
    expect(studentsToImport(rows, new Set()).map((student) => student.familyName)).toEqual(['Krasniqi']);
    expect(studentsToImport(rows, new Set([3, 4, 5])).map((student) => student.familyName)).toEqual([
      'Krasniqi',
      'Krasniqí',
      'Đorđević',
    ]);
  });

  it('keys a student by folded name words in any order and the date of birth', () => {
    expect(duplicateKey('dordevic ana', '2013-04-02')).toBe('ana dordevic|2013-04-02');
    expect(duplicateKey(' ana  dordevic ', '2013-04-02')).toBe('ana dordevic|2013-04-02');
    expect(duplicateKey('ana dordevic', '2013-04-03')).not.toBe(duplicateKey('ana dordevic', '2013-04-02'));
  });
});
