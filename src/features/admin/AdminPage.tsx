import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsOnline } from '../../state/onlineState.ts';
import './admin.css';

interface AdminPageProps {
  titleId: string;
  title: string;
  intro?: string | undefined;
  /** Where "back" leads: administration's first screen unless told. */
  back?: { href: string; label: string } | null;
  children: ReactNode;
}

/**
 * The frame of every administration screen: its title, what it is for, and
 * — since administration needs the server — a plain notice while offline.
 */
export function AdminPage({ titleId, title, intro, back, children }: AdminPageProps) {
  const { t } = useTranslation('admin');
  const isOnline = useIsOnline();
  const backLink = back === undefined ? { href: '#/admin', label: t('back') } : back;
  return (
    <section className="page admin" aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      {intro ? <p className="admin-intro">{intro}</p> : null}
      {isOnline ? null : (
        <p className="admin-offline" data-testid="admin-offline">
          {t('offline')}
        </p>
      )}
      {children}
      {backLink ? (
        <p className="admin-back">
          <a href={backLink.href}>{backLink.label}</a>
        </p>
      ) : null}
    </section>
  );
}
