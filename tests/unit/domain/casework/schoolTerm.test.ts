import { describe, expect, it } from 'vitest';
import { isSchoolTerm, termForDate } from '../../../../src/domain/schoolTerm.ts';

describe('termForDate', () => {
  it('puts September to January in the first term of the year that began in September', () => {
    expect(termForDate('2025-09-01')).toBe('2025-2026/1');
    expect(termForDate('2025-12-31')).toBe('2025-2026/1');
    expect(termForDate('2026-01-31')).toBe('2025-2026/1');
  });

  it('puts February to August in the second term of the year that began the September before', () => {
    expect(termForDate('2026-02-01')).toBe('2025-2026/2');
    expect(termForDate('2026-06-15')).toBe('2025-2026/2');
    expect(termForDate('2026-08-31')).toBe('2025-2026/2');
  });

  it('follows a calendar an administrator changed', () => {
    const calendar = { yearStartMonth: 9, secondTermStartMonth: 1 };
    expect(termForDate('2026-01-10', calendar)).toBe('2025-2026/2');
    expect(termForDate('2025-12-10', calendar)).toBe('2025-2026/1');
  });

  it('refuses a date that does not exist', () => {
    expect(() => termForDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('isSchoolTerm', () => {
  it('accepts a term of two consecutive years, with surrounding spaces', () => {
    expect(isSchoolTerm('2025-2026/1')).toBe(true);
    expect(isSchoolTerm(' 2025-2026/2 ')).toBe(true);
  });

  it('refuses other years, other shapes and a fourth term', () => {
    expect(isSchoolTerm('2025-2027/1')).toBe(false);
    expect(isSchoolTerm('2025/1')).toBe(false);
    expect(isSchoolTerm('2025-2026/4')).toBe(false);
    expect(isSchoolTerm('')).toBe(false);
  });
});
