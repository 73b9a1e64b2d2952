import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/i18n/languages.ts';

describe('detectLanguage', () => {
  it('picks Albanian for sq in any region', () => {
    expect(detectLanguage(['sq'])).toBe('sq');
    expect(detectLanguage(['sq-AL'])).toBe('sq');
    expect(detectLanguage(['sq-XK'])).toBe('sq');
  });

  it('picks Cyrillic for plain Serbian and Serbian of Serbia', () => {
    expect(detectLanguage(['sr'])).toBe('sr-Cyrl');
    expect(detectLanguage(['sr-RS'])).toBe('sr-Cyrl');
    expect(detectLanguage(['sr-Cyrl-RS'])).toBe('sr-Cyrl');
  });

  it('picks Latin for Serbian written in Latin', () => {
    expect(detectLanguage(['sr-Latn'])).toBe('sr-Latn');
    expect(detectLanguage(['sr-Latn-RS'])).toBe('sr-Latn');
    expect(detectLanguage(['SR-LATN-ME'])).toBe('sr-Latn');
  });

  it('picks Serbian Latin for Bosnian and Croatian readers', () => {
    expect(detectLanguage(['bs'])).toBe('sr-Latn');
    expect(detectLanguage(['bs-BA'])).toBe('sr-Latn');
    expect(detectLanguage(['hr'])).toBe('sr-Latn');
    expect(detectLanguage(['hr-HR'])).toBe('sr-Latn');
  });

  it('picks English for any English', () => {
    expect(detectLanguage(['en-GB'])).toBe('en');
    expect(detectLanguage(['en'])).toBe('en');
  });

  it('falls back to English for unknown languages or none', () => {
    expect(detectLanguage(['de-DE', 'fr'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('takes the first preference it speaks', () => {
    expect(detectLanguage(['de', 'sr-Latn-RS', 'sq'])).toBe('sr-Latn');
    expect(detectLanguage(['en-US', 'sq'])).toBe('en');
    expect(detectLanguage(['sq', 'en-US'])).toBe('sq');
  });
});
