import { useEffect, useState } from 'react';
import { localIsoDate } from '../../domain/dueDates.ts';
import { termForDate } from '../../domain/schoolTerm.ts';
import { classRoster } from '../../storage/classRosterQuery.ts';
import { db } from '../../storage/database.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { classValueOf, type ClassChoiceDraft } from './classChoice.ts';
import { linkedStudentId, loadLastClass, rememberClass, type ClassSession } from './classSession.ts';

export type ScreeningView =
  { kind: 'choose' } | { kind: 'roster' } | { kind: 'sheet'; studentId: string } | { kind: 'summary' };

function todaysSession(): Pick<ClassSession, 'term' | 'screenedOn'> {
  const today = localIsoDate(new Date());
  return { term: termForDate(today), screenedOn: today };
}

/** What the chooser starts from: the class being screened, else the one screened last on this phone. */
export function chooserStart(session: ClassSession | undefined): ClassChoiceDraft {
  const base = session ?? { ...todaysSession(), ...loadLastClass() };
  return {
    schoolId: base.schoolId ?? '',
    grade: base.grade === undefined ? '' : String(base.grade),
    classValue: base.className === undefined ? '' : classValueOf(base.className),
    term: base.term,
    screenedOn: base.screenedOn,
  };
}

/**
 * The class screening's session and where the teacher is in it. Steps move
 * through the roster in its order; "next" skips students already screened this
 * term, so Save and next walks the class and ends on the summary.
 */
export function useClassScreening() {
  const [linkedId] = useState(() => linkedStudentId(window.location.hash));
  const [session, setSession] = useState<ClassSession | undefined>(undefined);
  const [view, setView] = useState<ScreeningView>({ kind: 'choose' });
  const [linking, setLinking] = useState(linkedId !== undefined);
  // null: the school is no longer on this phone (undefined while loading).
  const school = useLiveQuery(
    async () => (session ? ((await db.schools.get(session.schoolId)) ?? null) : null),
    [session],
  );
  const entries = useLiveQuery(async () => (session ? classRoster(db, session, session.term) : undefined), [session]);

  // "Screen again" from a student's history opens that student's sheet in their class.
  useEffect(() => {
    if (linkedId === undefined) return;
    let active = true;
    getStudent(db, linkedId)
      .then((student) => {
        if (!active || !student) return;
        setSession({
          schoolId: student.schoolId,
          grade: student.grade,
          className: student.className,
          ...todaysSession(),
        });
        setView({ kind: 'sheet', studentId: student.id });
      })
      .catch(() => undefined)
      .finally(() => {
        if (active) setLinking(false);
      });
    return () => {
      active = false;
    };
  }, [linkedId]);

  const list = entries ?? [];
  const indexOf = (studentId: string) => list.findIndex((entry) => entry.student.id === studentId);

  function openClass(next: ClassSession): void {
    rememberClass(next);
    setSession(next);
    setView({ kind: 'roster' });
  }

  /** The next student after `studentId` not screened this term, or the summary after the last. */
  function nextAfter(studentId: string): void {
    const next = list.slice(indexOf(studentId) + 1).find((entry) => !entry.termScreening);
    setView(next ? { kind: 'sheet', studentId: next.student.id } : { kind: 'summary' });
  }

  function previousOf(studentId: string): (() => void) | undefined {
    const previous = list[indexOf(studentId) - 1];
    return previous ? () => setView({ kind: 'sheet', studentId: previous.student.id }) : undefined;
  }

  return { session, view, setView, school, entries, linking, indexOf, openClass, nextAfter, previousOf };
}
