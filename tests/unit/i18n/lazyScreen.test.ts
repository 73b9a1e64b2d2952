import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { lazyScreen } from '../../../src/i18n/lazyScreen.ts';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';

function Screen() {
  return null;
}

beforeAll(async () => {
  await setupI18n('en');
});

describe('lazyScreen', () => {
  it('fetches a screen once, whether preloaded or rendered, and brings its strings with it', async () => {
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(Screen);
    };
    const screen = lazyScreen(['today'], load);
    expect(loads).toBe(0);
    screen.preloadCode();
    screen.preloadCode();
    expect(loads).toBe(1);
    expect(i18next.hasResourceBundle('en', 'today')).toBe(false);
    screen.preload();
    await expect.poll(() => i18next.hasResourceBundle('en', 'today')).toBe(true);
    expect(loads).toBe(1);
  });

  it('swallows a failed preload, leaving the failure to the render that needs the screen', async () => {
    const screen = lazyScreen([], () => Promise.reject(new Error('offline and not cached')));
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    screen.preload();
    await new Promise((resolve) => setTimeout(resolve, 20));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});
