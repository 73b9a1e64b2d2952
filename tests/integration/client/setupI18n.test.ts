import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';

describe('setupI18n', () => {
  beforeAll(async () => {
    await setupI18n('sq');
  });

  it('loads only what the first screen needs before it renders', () => {
    expect(i18next.hasResourceBundle('sq', 'common')).toBe(true);
    expect(i18next.hasResourceBundle('sq', 'students')).toBe(true);
    expect(i18next.hasResourceBundle('sq', 'casework')).toBe(false);
    expect(document.documentElement.lang).toBe('sq');
  });

  it('loads a later namespace on demand, and keeps it across a language change', async () => {
    await loadNamespace('casework');
    expect(i18next.hasResourceBundle('sq', 'casework')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'casework')).toBe(true);

    await changeLanguage('sr-Cyrl');
    expect(i18next.hasResourceBundle('sr-Cyrl', 'casework')).toBe(true);
    expect(i18next.hasResourceBundle('sr-Cyrl', 'students')).toBe(true);
    expect(document.documentElement.lang).toBe('sr-Cyrl');
  });
});
