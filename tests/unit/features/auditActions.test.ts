/** The audit screen's request: the filters it sends to the server, and only those set. */
import { describe, expect, it } from 'vitest';
import { auditUrl } from '../../../src/features/audit/auditApi.ts';

describe('audit actions', () => {
  it('go to the server as query parameters, leaving out the filters not set', () => {
    const url = auditUrl('', { action: 'case_read', caseId: '0190a1b2-c3d4-7e5f-8a9b-0123456789ab', to: 5 }, 42);
    expect(url).toBe('/api/audit?limit=50&before=42&action=case_read&caseId=0190a1b2-c3d4-7e5f-8a9b-0123456789ab&to=5');
    expect(auditUrl('https://ura.example', {})).toBe('https://ura.example/api/audit?limit=50');
  });
});
