/** The OpenAPI description of the export audit (src/server/routes/exportAuditRoutes.ts; docs/exports.md). */
import type { z } from 'zod';
import { EXPORT_AUDIT_PATH, MAX_EXPORT_ROWS, MAX_EXPORTS_PER_REQUEST } from '../../sync/exportAuditProtocol.ts';
import {
  exportAuditItemSchema,
  exportAuditReplySchema,
  exportAuditRequestSchema,
} from '../../sync/exportAuditSchemas.ts';
import type { PathSpecs } from '../openapi/openApiOperation.ts';

export const EXPORT_AUDIT_PATHS: PathSpecs = {
  [EXPORT_AUDIT_PATH]: {
    post: {
      operationId: 'reportExports',
      tag: 'sync',
      summary: 'Report exports made on this device (CSV files, printed summaries), for the audit trail.',
      description:
        `Up to ${MAX_EXPORTS_PER_REQUEST} exports, each recorded once as an \`export\` audit event (kind and ` +
        'rows only) at the time the device gives; an id recorded before is acknowledged again and recorded ' +
        'nothing more, so a device re-sends whatever it did not see acknowledged.',
      access: 'session',
      body: 'ExportAuditRequest',
      success: { status: 200, description: 'Recorded, or recorded before.', schema: 'ExportAuditReply' },
      refusals: {
        bad_request:
          `The body is malformed: an unknown kind (\`invalid_value\`), more than ${MAX_EXPORT_ROWS} rows or a ` +
          'printed document (summary, MAP report) of more than one (`too_big`), a summary naming no case or a ' +
          'MAP report no municipality (`required`), a list naming a case or a MAP report a school ' +
          '(`not_allowed`), or a time further ahead of the server clock than a wrong device clock explains ' +
          '(`clock_ahead`). Nothing was recorded.',
        forbidden:
          'An export not recorded before names a case, school or municipality the user cannot read, a MAP ' +
          'report is of a municipality the user does not coordinate, or the user reads no child data at all. ' +
          'Nothing was recorded.',
      },
    },
  },
};

/** The request and reply as named components. */
export function exportAuditComponentSchemas(): [z.ZodType, string, string][] {
  return [
    [exportAuditRequestSchema, 'ExportAuditRequest', 'Exports made on one device, oldest first.'],
    [
      exportAuditItemSchema,
      'ExportAuditItem',
      'One export: its id made on the device, what kind of file, how many rows, the case, school or ' +
        'municipality it is limited to (ids only, never a name), and when (epoch milliseconds).',
    ],
    [exportAuditReplySchema, 'ExportAuditReply', 'The ids the device may forget, and how many were new.'],
  ];
}
