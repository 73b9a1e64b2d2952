import { useDeferredValue, useMemo } from 'react';
import { matchesSearch } from '../../domain/searchText.ts';
import { db } from '../../storage/database.ts';
import { listStudents } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { SchoolRecord, StudentRecord } from '../../storage/UraDatabase.ts';

export interface StudentList {
  isLoading: boolean;
  total: number;
  students: StudentRecord[];
  schools: Map<string, SchoolRecord>;
}

/**
 * Students matching `query` across scripts and diacritics. Filtering runs on
 * pre-folded keys and is deferred so typing never waits for the list.
 */
export function useStudentList(query: string): StudentList {
  const all = useLiveQuery(() => listStudents(db), []);
  const schoolRows = useLiveQuery(() => db.schools.toArray(), []);
  const deferredQuery = useDeferredValue(query);
  const students = useMemo(
    () => (all ?? []).filter((student) => matchesSearch(student.searchKey, deferredQuery)),
    [all, deferredQuery],
  );
  const schools = useMemo(() => new Map((schoolRows ?? []).map((school) => [school.id, school])), [schoolRows]);
  return { isLoading: all === undefined, total: all?.length ?? 0, students, schools };
}
