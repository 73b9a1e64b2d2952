import { describe, expect, it } from 'vitest';
import { writeFailureOf } from '../../../src/storage/writeFailure.ts';

function named(name: string, inner?: unknown): Error {
  const error = new Error(name);
  error.name = name;
  if (inner !== undefined) Object.assign(error, { inner });
  return error;
}

describe('writeFailureOf', () => {
  it('tells a full disk apart, whether the browser or Dexie reports it', () => {
    expect(writeFailureOf(new DOMException('full', 'QuotaExceededError'))).toBe('storageFull');
    expect(writeFailureOf(named('QuotaExceededError'))).toBe('storageFull');
    expect(writeFailureOf(named('AbortError', named('QuotaExceededError')))).toBe('storageFull');
  });

  it('calls anything else a generic failure', () => {
    expect(writeFailureOf(named('ConstraintError'))).toBe('generic');
    expect(writeFailureOf('QuotaExceededError')).toBe('generic');
    expect(writeFailureOf(null)).toBe('generic');
    expect(writeFailureOf(undefined)).toBe('generic');
  });
});
