import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { UpdateBanner } from '../../../src/pwa/UpdateBanner.tsx';

describe('UpdateBanner', () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('updates at once when nothing waits to sync', async () => {
    const onUpdate = vi.fn();
    render(<UpdateBanner pending={0} syncPhase="idle" onUpdate={onUpdate} onSyncFirst={vi.fn()} onLater={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('says how many changes wait before reloading over them', async () => {
    const onUpdate = vi.fn();
    const onSyncFirst = vi.fn();
    render(
      <UpdateBanner pending={3} syncPhase="idle" onUpdate={onUpdate} onSyncFirst={onSyncFirst} onLater={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(onUpdate).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('3 changes have not reached the server yet');

    await userEvent.click(screen.getByRole('button', { name: 'Sync first' }));
    expect(onSyncFirst).toHaveBeenCalledTimes(1);
    expect(onUpdate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Update anyway' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('says when "Sync first" is running and when it failed, keeping both ways out', async () => {
    const onSyncFirst = vi.fn();
    const props = { pending: 2, onUpdate: vi.fn(), onSyncFirst, onLater: vi.fn() };
    const { rerender } = render(<UpdateBanner {...props} syncPhase="idle" />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sync first' }));

    rerender(<UpdateBanner {...props} syncPhase="syncing" />);
    expect(screen.getByText('Syncing…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sync first' })).toBeDisabled();

    rerender(<UpdateBanner {...props} syncPhase="failed" />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      'Sync failed: the changes are still saved on this phone. Check the connection and try again, or update anyway.',
    );
    expect(screen.getByRole('button', { name: 'Sync first' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Update anyway' })).toBeEnabled();
    expect(onSyncFirst).toHaveBeenCalledTimes(1);
  });

  it('says nothing about a failed sync the user did not ask for from the banner', async () => {
    render(<UpdateBanner pending={2} syncPhase="failed" onUpdate={vi.fn()} onSyncFirst={vi.fn()} onLater={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(screen.queryByText(/Sync failed/)).toBeNull();
  });
});
