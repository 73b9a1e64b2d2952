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
    render(<UpdateBanner pending={0} onUpdate={onUpdate} onSyncFirst={vi.fn()} onLater={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('says how many changes wait before reloading over them', async () => {
    const onUpdate = vi.fn();
    const onSyncFirst = vi.fn();
    render(<UpdateBanner pending={3} onUpdate={onUpdate} onSyncFirst={onSyncFirst} onLater={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(onUpdate).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('3 changes have not reached the server yet');

    await userEvent.click(screen.getByRole('button', { name: 'Sync first' }));
    expect(onSyncFirst).toHaveBeenCalledTimes(1);
    expect(onUpdate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Update anyway' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });
});
