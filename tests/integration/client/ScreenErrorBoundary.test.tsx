import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScreenErrorBoundary } from '../../../src/app/ScreenErrorBoundary.tsx';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { reloadPage } from '../../../src/pwa/reloadPage.ts';

vi.mock('../../../src/pwa/reloadPage.ts', () => ({ reloadPage: vi.fn() }));

/** A lazy screen whose chunk is gone, as in a tab left on an old version after an update. */
const MissingScreen = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));

function Shell({ screenKey, children }: { screenKey: string; children: React.ReactNode }) {
  return (
    <div>
      <nav aria-label="sections">
        <a href="#/today">Today</a>
      </nav>
      <ScreenErrorBoundary key={screenKey}>
        <Suspense fallback={<p role="status">loading</p>}>{children}</Suspense>
      </ScreenErrorBoundary>
    </div>
  );
}

describe('ScreenErrorBoundary', () => {
  beforeAll(async () => {
    await setupI18n('en');
  });
  afterEach(() => {
    vi.mocked(reloadPage).mockClear();
  });

  it('keeps the shell and says the screen could not be opened when its code fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Shell screenKey="outbox">
        <MissingScreen />
      </Shell>,
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This screen could not be opened. Reload to try again');
    expect(screen.getByRole('navigation', { name: 'sections' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
    vi.mocked(console.error).mockRestore();
  });

  it('tries again when another screen opens', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <Shell screenKey="outbox">
        <MissingScreen />
      </Shell>,
    );
    await screen.findByRole('alert');

    rerender(
      <Shell screenKey="today">
        <p>Today works</p>
      </Shell>,
    );
    expect(screen.getByText('Today works')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    vi.mocked(console.error).mockRestore();
  });
});
