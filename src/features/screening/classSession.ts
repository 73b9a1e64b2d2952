import type { ClassKey } from '../../storage/classRosterQuery.ts';

/** The class being screened, the term the screenings count for and the date written on them. */
export interface ClassSession extends ClassKey {
  term: string;
  screenedOn: string;
}

const LAST_CLASS_KEY = 'ura.screening.lastClass';

/**
 * The class a teacher screened last, so the next visit starts with it chosen.
 * A device setting like the language, hence localStorage. The term and date
 * are not kept: they default to today's, so a new term never inherits the old one.
 */
export function loadLastClass(): ClassKey | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LAST_CLASS_KEY) ?? 'null');
    if (parsed === null || typeof parsed !== 'object') return undefined;
    const { schoolId, grade, className } = parsed as Record<string, unknown>;
    if (typeof schoolId !== 'string' || typeof grade !== 'number' || typeof className !== 'string') return undefined;
    return { schoolId, grade, className };
  } catch {
    // A damaged value only costs the teacher one choice; there is nothing to recover.
    return undefined;
  }
}

export function rememberClass(key: ClassKey): void {
  const { schoolId, grade, className } = key;
  localStorage.setItem(LAST_CLASS_KEY, JSON.stringify({ schoolId, grade, className }));
}

/** Forgets the last class when nobody is signed in, so the next person on a shared phone starts from nothing. */
export function forgetLastClass(): void {
  localStorage.removeItem(LAST_CLASS_KEY);
}

/** The draft key of one student's half-entered sheet for one term. */
export function screeningDraftKey(studentId: string, term: string): string {
  return `screening:${studentId}:${term}`;
}

/** A student id in `#/screening/<studentId>` ("Screen again" from the history), if any. */
export function linkedStudentId(hash: string): string | undefined {
  const [head, id] = hash.replace(/^#\/?/, '').split('/');
  return head === 'screening' && id ? id : undefined;
}
