import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { StaleTabBanner } from '../../../src/pwa/StaleTabBanner.tsx';

describe('StaleTabBanner', () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  afterAll(async () => {
    await changeLanguage('en');
  });

  it('asks for a reload in the same aside as the update prompt, and reloads only when asked', async () => {
    const onReload = vi.fn();
    render(<StaleTabBanner pending={0} onReload={onReload} />);
    const banner = screen.getByRole('complementary', {
      name: 'Ura was updated in another tab. Reload this tab to keep working with the new version.',
    });
    expect(banner).toHaveClass('update-prompt');
    expect(screen.getByRole('status')).toHaveTextContent('Ura was updated in another tab.');
    // Nothing waits: no word about changes.
    expect(banner).not.toHaveTextContent(/waiting to be sent/);
    expect(onReload).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('says that changes waiting to be sent stay on the phone through the reload', () => {
    const { rerender } = render(<StaleTabBanner pending={1} onReload={vi.fn()} />);
    expect(screen.getByText(/^1 change is waiting to be sent\. It stays saved on this phone/)).toBeInTheDocument();
    rerender(<StaleTabBanner pending={3} onReload={vi.fn()} />);
    expect(
      screen.getByText(
        '3 changes are waiting to be sent. They stay saved on this phone and will be sent after the reload.',
      ),
    ).toBeInTheDocument();
  });

  it('speaks Serbian with its plural forms', async () => {
    await changeLanguage('sr-Cyrl');
    const { rerender } = render(<StaleTabBanner pending={2} onReload={vi.fn()} />);
    expect(screen.getByRole('status')).toHaveTextContent('Апликација је ажурирана у другој картици.');
    expect(screen.getByText(/^2 промене чекају слање\./)).toBeInTheDocument();
    rerender(<StaleTabBanner pending={5} onReload={vi.fn()} />);
    expect(screen.getByText(/^5 промена чека слање\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Поново учитај' })).toBeInTheDocument();
  });
});
