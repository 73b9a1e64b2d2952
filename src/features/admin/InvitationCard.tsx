import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDate.ts';
import type { Invitation } from './adminTypes.ts';
import { CopyButton } from './CopyButton.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The address of the app's own "I have an invitation code" screen, on this server. */
export function invitationLink(): string {
  return `${window.location.origin}${window.location.pathname}#/invitation`;
}

interface InvitationCardProps {
  person: { displayName: string; login: string };
  invitation: Invitation;
}

/**
 * A one-time invitation code as the administrator hands it over: large, one
 * tap to copy, with the login it goes with, the address of the screen where
 * it is used, and how long it works. The server keeps only its hash, so this
 * is the only time anyone sees it.
 */
export function InvitationCard({ person, invitation }: InvitationCardProps) {
  const { t, i18n } = useTranslation('admin');
  const link = invitationLink();
  // Counted from when the card first shows: it answers "for how long" at the moment the code is handed over.
  const [shownAt] = useState(() => Date.now());
  const days = Math.max(1, Math.round((invitation.expiresAt - shownAt) / DAY_MS));
  return (
    <section className="admin-invitation" aria-labelledby="admin-invitation-title" data-testid="invitation-card">
      <h2 id="admin-invitation-title">{t('invitation.title', { name: person.displayName })}</h2>
      <p className="admin-invitation-once">{t('invitation.once')}</p>
      <dl className="admin-facts">
        <dt>{t('invitation.login')}</dt>
        <dd className="admin-invitation-login" data-testid="invitation-login">
          {person.login}
        </dd>
        <dt>{t('invitation.code')}</dt>
        <dd className="admin-invitation-code" data-testid="invitation-code">
          {invitation.code}
        </dd>
      </dl>
      <CopyButton text={invitation.code} label={t('invitation.copyCode')} />
      <p data-testid="invitation-valid">
        {t('invitation.valid', { count: days, date: formatDateTime(invitation.expiresAt, i18n.language) })}
      </p>
      <p>{t('invitation.where')}</p>
      <p className="admin-invitation-link" data-testid="invitation-link">
        {link}
      </p>
      <CopyButton text={link} label={t('invitation.copyLink')} />
    </section>
  );
}
