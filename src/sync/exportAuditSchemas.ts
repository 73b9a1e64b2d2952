/**
 * zod schemas of the export audit request and reply (exportAuditProtocol.ts
 * holds the types): the server validates every request with them, and the
 * OpenAPI description is generated from them.
 */
import { z } from 'zod';
import { ID_PATTERN } from '../domain/student.ts';
import {
  EXPORT_KINDS,
  MAX_EXPORT_ROWS,
  MAX_EXPORTS_PER_REQUEST,
  type ExportAuditItem,
  type ExportAuditReply,
  type ExportAuditRequest,
} from './exportAuditProtocol.ts';

const id = z.string().regex(ID_PATTERN);

export const exportAuditItemSchema = z.strictObject({
  id,
  kind: z.enum(EXPORT_KINDS),
  rows: z.number().int().min(0).max(MAX_EXPORT_ROWS),
  caseId: id.nullable(),
  schoolId: id.nullable(),
  municipalityId: id.nullable(),
  at: z.number().int().min(0),
});

export const exportAuditRequestSchema = z.strictObject({
  exports: z.array(exportAuditItemSchema).min(1).max(MAX_EXPORTS_PER_REQUEST),
});

export const exportAuditReplySchema = z.strictObject({
  acknowledged: z.array(id),
  recorded: z.number().int().min(0),
});

// The schemas describe exactly the types the device sends and reads.
const itemMatches: z.output<typeof exportAuditItemSchema> extends ExportAuditItem ? true : false = true;
const requestMatches: ExportAuditRequest extends z.input<typeof exportAuditRequestSchema> ? true : false = true;
const replyMatches: z.output<typeof exportAuditReplySchema> extends ExportAuditReply ? true : false = true;
void itemMatches;
void requestMatches;
void replyMatches;
