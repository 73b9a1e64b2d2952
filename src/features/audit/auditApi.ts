/**
 * `GET /api/audit` (docs/openapi.json, readAuditTrail) as the audit screen
 * uses it: one page of events, newest first. Online only: the trail lives on
 * the server, never on the phone. The actions are the server's own list
 * (src/domain/auditActions.ts).
 */
import type { FetchLike } from '../../sync/postSync.ts';

import type { AuditAction } from '../../domain/auditActions.ts';

export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../../domain/auditActions.ts';

export interface AuditEvent {
  id: number;
  at: number;
  userId: string | null;
  clientId: string | null;
  /** A string: a newer server may record actions this app does not know yet. */
  action: string;
  entity: string | null;
  entityId: string | null;
  /** Ids and counts only. */
  detail: Readonly<Record<string, unknown>> | null;
}

export interface AuditPage {
  events: AuditEvent[];
  hasMore: boolean;
  /** Display names by user id, for the people the page names. */
  people: Readonly<Record<string, string>>;
  organisations: Readonly<Record<string, string>>;
}

/** The filters the server takes; times are epoch milliseconds, `to` exclusive. */
export interface AuditQuery {
  action?: AuditAction;
  userId?: string;
  caseId?: string;
  from?: number;
  to?: number;
}

export type AuditFailure = 'offline' | 'signedOut' | 'forbidden' | 'badRequest' | 'server';

export type AuditPageResult = { ok: true; page: AuditPage } | { ok: false; reason: AuditFailure };

export const AUDIT_PAGE_SIZE = 50;
const AUDIT_TIMEOUT_MS = 30_000;

export function auditUrl(baseUrl: string, query: AuditQuery, before?: number): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before !== undefined) params.set('before', String(before));
  for (const [name, value] of Object.entries(query) as [string, string | number | undefined][]) {
    if (value !== undefined) params.set(name, String(value));
  }
  return `${baseUrl}/api/audit?${params.toString()}`;
}

function isAuditPage(value: unknown): value is AuditPage {
  const page = value as Partial<AuditPage> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.events) &&
    typeof page.hasMore === 'boolean' &&
    typeof page.people === 'object' &&
    typeof page.organisations === 'object'
  );
}

/** One page older than `before` (the smallest id shown), or the newest. Never throws. */
export async function fetchAuditPage(
  fetchFn: FetchLike,
  baseUrl: string,
  query: AuditQuery,
  before?: number,
): Promise<AuditPageResult> {
  let response: Response;
  try {
    response = await fetchFn(auditUrl(baseUrl, query, before), {
      method: 'GET',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(AUDIT_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 200) {
    const body: unknown = await response.json().catch(() => undefined);
    return isAuditPage(body) ? { ok: true, page: body } : { ok: false, reason: 'server' };
  }
  if (response.status === 401) return { ok: false, reason: 'signedOut' };
  if (response.status === 403) return { ok: false, reason: 'forbidden' };
  if (response.status === 400) return { ok: false, reason: 'badRequest' };
  return { ok: false, reason: 'server' };
}
