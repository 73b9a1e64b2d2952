/** The description of who works on a case (src/server/routes/adminCaseRoutes.ts). */
import type { OperationSpec, PathSpecs } from './openApiOperation.ts';

/** Both methods share all but their verb. */
function assigneeOperation(operationId: string, summary: string, scope: string): OperationSpec {
  return {
    operationId,
    tag: 'cases',
    summary,
    description:
      `Only the school team or principal of the case's school may (not an administrator, who sees no child ` +
      `data). ${scope} The case is checked before the user.`,
    access: 'session',
    pathParameters: { caseId: 'The case.', userId: 'The person: a CSO mentor (a case is given to no other role).' },
    success: { status: 204, description: 'Done (also when nothing had to change).' },
    refusals: {
      // The same answer for an unknown case as for another school's: it tells nobody which cases exist.
      forbidden:
        "The user is neither on the school team nor the principal of the case's school, or no such case " +
        'is stored (answered alike). Nothing was changed.',
      not_found: 'No user has this id (giving a case: no CSO mentor has this id). Nothing was changed.',
    },
  };
}

export const CASE_PATHS: PathSpecs = {
  '/api/cases/{caseId}/assignees/{userId}': {
    put: assigneeOperation(
      'assignCase',
      'Give a case to a person.',
      "The assignee's access scope changes: their next sync brings the case and everything under it.",
    ),
    delete: assigneeOperation(
      'unassignCase',
      'Take a case from a person.',
      "The assignee's access scope changes: their next sync removes the case.",
    ),
  },
};
