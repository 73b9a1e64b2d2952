import { COMMUNITIES, SEXES } from '../student.ts';
import { ALL_GROUP, NOT_RECORDED, UNKNOWN_GROUP, type DashboardStudent } from './dashboardFigures.ts';

/**
 * A record's group under each breakdown, in the order of BREAKDOWNS (all,
 * school, sex, area, community): worked out once per child and school, and
 * added to every figure the record counts in.
 */
export type GroupsOf = readonly [all: string, school: string, sex: string, area: string, community: string];

/** Rows of the breakdowns by the student's own fields, in the order the screen lists them. */
export const GROUP_ORDER: Readonly<Record<'sex' | 'area' | 'community', readonly string[]>> = {
  sex: [...SEXES, UNKNOWN_GROUP],
  area: ['rural', 'urban', UNKNOWN_GROUP],
  community: [...COMMUNITIES, NOT_RECORDED, UNKNOWN_GROUP],
};

const KNOWN_SEXES: ReadonlySet<string> = new Set(SEXES);
const KNOWN_COMMUNITIES: ReadonlySet<string> = new Set([...COMMUNITIES, NOT_RECORDED]);

/**
 * The groups of a record of `schoolId` about `student` (undefined when the
 * phone does not hold the student yet: every personal breakdown says unknown).
 * The school is the record's own (a case keeps its school if the child moves).
 * A field still missing on a phone (a record pulled across two pages) counts
 * as unknown, never as a group of its own.
 */
export function groupsOf(schoolId: string, student: DashboardStudent | undefined): GroupsOf {
  if (student === undefined) return [ALL_GROUP, schoolId, UNKNOWN_GROUP, UNKNOWN_GROUP, UNKNOWN_GROUP];
  const community = student.community === '' ? NOT_RECORDED : student.community;
  return [
    ALL_GROUP,
    schoolId,
    KNOWN_SEXES.has(student.sex) ? student.sex : UNKNOWN_GROUP,
    typeof student.rural === 'boolean' ? (student.rural ? 'rural' : 'urban') : UNKNOWN_GROUP,
    KNOWN_COMMUNITIES.has(community) ? community : UNKNOWN_GROUP,
  ];
}

/** A record's groups, with each group's number within its breakdown: tallies count in arrays, not maps. */
export interface Grouped {
  groups: GroupsOf;
  at: readonly number[];
}

/**
 * groupsOf, worked out once per school and child (10,000 cases mostly share
 * a few hundred of them), and a number for every group of each breakdown.
 */
export class GroupsCache {
  private readonly known = new Map<string, Grouped>();
  private readonly numbers: Map<string, number>[] = [0, 1, 2, 3, 4].map(() => new Map<string, number>());

  constructor(private readonly students: ReadonlyMap<string, DashboardStudent>) {}

  of(schoolId: string, studentId: string): Grouped {
    const key = `${schoolId}\u0000${studentId}`;
    let grouped = this.known.get(key);
    if (grouped === undefined) {
      const groups = groupsOf(schoolId, this.students.get(studentId));
      grouped = { groups, at: groups.map((group, breakdown) => this.number(breakdown, group)) };
      this.known.set(key, grouped);
    }
    return grouped;
  }

  /** The group's number within its breakdown (BREAKDOWNS' order), or undefined for a group no record has. */
  numberOf(breakdown: number, group: string): number | undefined {
    return this.numbers[breakdown]?.get(group);
  }

  private number(breakdown: number, group: string): number {
    const numbers = this.numbers[breakdown];
    if (numbers === undefined) return 0;
    let found = numbers.get(group);
    if (found === undefined) {
      found = numbers.size;
      numbers.set(group, found);
    }
    return found;
  }
}
