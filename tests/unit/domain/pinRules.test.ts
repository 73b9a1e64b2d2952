import { describe, expect, it } from 'vitest';
import { confirmationProblem, newPinProblem } from '../../../src/domain/pinRules.ts';

describe('newPinProblem', () => {
  it.each([
    ['', 'required'],
    ['12a456', 'digitsOnly'],
    ['48 2915', 'digitsOnly'],
    ['48291', 'tooShort'],
    ['4829150123456', 'tooLong'],
    ['000000', 'tooSimple'],
    ['123456', 'tooSimple'],
    ['987654', 'tooSimple'],
    ['890123', 'tooSimple'],
    ['1234567890', 'tooSimple'],
  ])('refuses %j as %s', (pin, problem) => {
    expect(newPinProblem(pin)).toBe(problem);
  });

  it.each(['482915', '135791', '112233', '482915019283'])('takes %j', (pin) => {
    expect(newPinProblem(pin)).toBeUndefined();
  });
});

describe('confirmationProblem', () => {
  it('asks for the PIN again, the same', () => {
    expect(confirmationProblem('482915', '')).toBe('required');
    expect(confirmationProblem('482915', '482951')).toBe('mismatch');
    expect(confirmationProblem('482915', '482915')).toBeUndefined();
  });
});
