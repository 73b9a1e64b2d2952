import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the app's useRegisterSW stand-in was given, and whether it says a new version waits. */
const sw = vi.hoisted(() => ({
  needRefresh: false,
  onNeedReload: undefined as (() => void) | undefined,
  updateServiceWorker: vi.fn(async () => {}),
}));

// The plugin's virtual module exists only in a build; here its hook is a stand-in with the same shape.
vi.mock('../../../src/pwa/registerServiceWorker.ts', async () => {
  const { useState } = await import('react');
  return {
    useRegisterSW: (options: { onNeedReload?: () => void }) => {
      sw.onNeedReload = options.onNeedReload;
      return {
        needRefresh: useState(sw.needRefresh),
        offlineReady: useState(false),
        updateServiceWorker: sw.updateServiceWorker,
      };
    },
  };
});
vi.mock('../../../src/pwa/reloadPage.ts', () => ({ reloadPage: vi.fn() }));

/** navigator.serviceWorker as a page sees it: a controller (or none) and `controllerchange`. */
class FakeWorkerContainer extends EventTarget {
  constructor(public controller: object | null) {
    super();
  }
  /** Another worker takes control of this page, as skipWaiting in any tab makes it do. */
  takeControl(): void {
    this.controller = {};
    this.dispatchEvent(new Event('controllerchange'));
  }
}

const STALE = 'Ura was updated in another tab. Reload this tab to keep working with the new version.';
const READY = 'A new version of Ura is ready.';

/** A fresh app start: the watch begins when UpdatePrompt's module is evaluated, under this service worker state. */
async function startApp(controller: object | null) {
  const container = new FakeWorkerContainer(controller);
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
  vi.resetModules();
  const { setupI18n } = await import('../../../src/i18n/setupI18n.ts');
  await setupI18n('en');
  const { UpdatePrompt } = (await import('../../../src/pwa/UpdatePrompt.tsx')) as {
    UpdatePrompt: ComponentType<{ pending: number }>;
  };
  const reloadPage = vi.mocked((await import('../../../src/pwa/reloadPage.ts')).reloadPage);
  reloadPage.mockClear();
  return { container, UpdatePrompt, reloadPage };
}

/** Past the 2 s after which the prompt registers the service worker; then real time, for the lazy banner. */
function registerWorker(): void {
  act(() => {
    vi.advanceTimersByTime(2_000);
  });
  vi.useRealTimers();
}

describe('a tab left running code older than the installed version', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sw.needRefresh = false;
    sw.onNeedReload = undefined;
    sw.updateServiceWorker.mockClear();
  });

  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('asks for a reload when another tab’s update takes control, hides "new version ready", and never reloads by itself', async () => {
    sw.needRefresh = true;
    const { container, UpdatePrompt, reloadPage } = await startApp({});
    render(<UpdatePrompt pending={2} />);
    registerWorker();
    expect(await screen.findByText(READY)).toBeInTheDocument();

    act(() => container.takeControl());
    // The plugin's "controlling" callback runs in this tab too; this tab did not ask, so it must not reload.
    sw.onNeedReload?.();
    expect(screen.getByRole('status')).toHaveTextContent(STALE);
    expect(screen.getByText(/^2 changes are waiting to be sent\./)).toBeInTheDocument();
    expect(screen.queryByText(READY)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
    expect(reloadPage).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the first install takes the page (no controller before)', async () => {
    const { container, UpdatePrompt } = await startApp(null);
    render(<UpdatePrompt pending={0} />);
    registerWorker();
    act(() => container.takeControl());
    expect(screen.queryByText(STALE)).toBeNull();
  });

  it('says nothing in the tab that asked for the update: it reloads itself into the new version', async () => {
    sw.needRefresh = true;
    const { container, UpdatePrompt, reloadPage } = await startApp({});
    render(<UpdatePrompt pending={0} />);
    registerWorker();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    expect(sw.updateServiceWorker).toHaveBeenCalledWith(true);

    act(() => container.takeControl());
    sw.onNeedReload?.();
    expect(screen.queryByText(STALE)).toBeNull();
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('notices an update taken while the prompt was not mounted (behind the lock screen)', async () => {
    const { container, UpdatePrompt } = await startApp({});
    act(() => container.takeControl());
    render(<UpdatePrompt pending={0} />);
    // At once, not after the 2 s the prompt waits to register the worker.
    expect(screen.getByRole('status')).toHaveTextContent(STALE);
  });

  it('asks for a reload when a lazy chunk fails to load in a controlled page, leaving the import’s error alone', async () => {
    const { UpdatePrompt } = await startApp({});
    render(<UpdatePrompt pending={0} />);
    expect(screen.queryByText(STALE)).toBeNull();

    const failed = new Event('vite:preloadError', { cancelable: true });
    act(() => void window.dispatchEvent(failed));
    expect(screen.getByRole('status')).toHaveTextContent(STALE);
    expect(screen.queryByText(/waiting to be sent/)).toBeNull();
    // Not cancelled: the failed import still rejects with its own error.
    expect(failed.defaultPrevented).toBe(false);
  });

  it('takes a failed import in a page no service worker controls for a network failure, not a new version', async () => {
    const { UpdatePrompt } = await startApp(null);
    render(<UpdatePrompt pending={0} />);
    act(() => void window.dispatchEvent(new Event('vite:preloadError', { cancelable: true })));
    expect(screen.queryByText(STALE)).toBeNull();
  });
});
