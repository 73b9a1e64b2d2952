import type { AdminProblem } from './adminApi.ts';

/**
 * What is wrong with a field, from the phone's own check (`required`) or the
 * server's 400 (zod's codes: `invalid_format`, `too_small`, `too_big`…, and
 * the API's `not_found`, `not_allowed`), or `taken` for a login in use.
 */
export type FieldFault =
  'required' | 'invalid_format' | 'too_small' | 'too_big' | 'not_found' | 'not_allowed' | 'taken' | 'other';

const KNOWN: ReadonlySet<string> = new Set([
  'required',
  'invalid_format',
  'too_small',
  'too_big',
  'not_found',
  'not_allowed',
]);

function faultOf(code: string): FieldFault {
  return KNOWN.has(code) ? (code as FieldFault) : 'other';
}

/**
 * The fields a 400 named, among the form's own: the issue's path starts with
 * the field (`login`, `schoolId`, `classKey`…). A field named twice keeps its first fault.
 */
export function serverFieldFaults<F extends string>(
  problem: AdminProblem | undefined,
  fields: readonly F[],
): Map<F, FieldFault> {
  const faults = new Map<F, FieldFault>();
  if (problem?.kind !== 'invalid') return faults;
  for (const issue of problem.issues) {
    const field = fields.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
    if (field !== undefined && !faults.has(field)) faults.set(field, faultOf(issue.code));
  }
  return faults;
}

/** The field names a 400 named, in the order the server gave them, without repeats. */
export function namedPaths(problem: AdminProblem): string[] {
  if (problem.kind !== 'invalid') return [];
  return [...new Set(problem.issues.map((issue) => issue.path.split('.')[0] ?? '').filter(Boolean))];
}
