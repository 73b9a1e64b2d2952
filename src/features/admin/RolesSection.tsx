import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { revokeRole } from './adminApi.ts';
import type { UserSummary } from './adminTypes.ts';
import { ConfirmPanel } from './ConfirmPanel.tsx';
import { RoleGrantForm } from './RoleGrantForm.tsx';
import { useRoleText } from './roleText.ts';
import { useAdminAction } from './useAdminRequest.ts';
import type { Places } from './usePlaces.ts';

interface RolesSectionProps {
  person: UserSummary;
  places: Places;
  /** The person's roles changed on the server: read them again. */
  onChanged: () => void;
}

/** A person's roles with their places: take one away (after a yes), or give another. */
export function RolesSection({ person, places, onChanged }: RolesSectionProps) {
  const { t } = useTranslation('admin');
  const roleText = useRoleText(places);
  const removal = useAdminAction();
  const [confirming, setConfirming] = useState<string>();
  const [done, setDone] = useState<string>();

  async function remove(roleAssignmentId: string, described: string) {
    const result = await removal.run(() => revokeRole(person.id, roleAssignmentId));
    if (!result?.ok) return;
    setConfirming(undefined);
    setDone(t('roles.removed', { role: described, name: person.displayName }));
    onChanged();
  }

  return (
    <section aria-labelledby="admin-roles-title">
      <h2 id="admin-roles-title">{t('roles.title')}</h2>
      <p role="status" className="admin-done">
        {done ?? ''}
      </p>
      {removal.problem ? (
        <AdminProblemAlert
          problem={removal.problem}
          words={{
            conflict: t('roles.lastAdmin'),
            notFound: t('roles.alreadyRemoved'),
            forbidden: t('problem.adminOnly'),
          }}
        />
      ) : null}
      {person.roles.length === 0 ? <p className="empty">{t('roles.none', { name: person.displayName })}</p> : null}
      <ul className="card-list" aria-label={t('roles.title')}>
        {person.roles.map((assignment) => {
          const described = roleText(assignment);
          return (
            <li key={assignment.id} className="card admin-row">
              <span className="card-title">{described}</span>
              {confirming === assignment.id ? (
                <ConfirmPanel
                  question={t('roles.confirm', { role: described, name: person.displayName })}
                  consequence={<p>{t('roles.consequence')}</p>}
                  confirmLabel={t('roles.remove')}
                  busy={removal.busy}
                  busyLabel={t('roles.removing')}
                  onConfirm={() => void remove(assignment.id, described)}
                  onCancel={() => {
                    setConfirming(undefined);
                    removal.clearProblem();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="admin-row-action"
                  aria-label={t('roles.removeNamed', { role: described })}
                  onClick={() => {
                    setDone(undefined);
                    removal.clearProblem();
                    setConfirming(assignment.id);
                  }}
                >
                  {t('roles.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <RoleGrantForm
        userId={person.id}
        personName={person.displayName}
        places={places}
        onGranted={(assignment) => {
          setDone(t('roles.added', { role: roleText(assignment), name: person.displayName }));
          onChanged();
        }}
      />
    </section>
  );
}
