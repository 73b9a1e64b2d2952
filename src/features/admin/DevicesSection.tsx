import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDate.ts';
import { db } from '../../storage/database.ts';
import { peekClientId } from '../../storage/syncMeta.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { AdminProblemAlert } from './AdminProblemAlert.tsx';
import { fetchDevices, revokeDevice } from './adminApi.ts';
import type { DeviceSummary } from './adminTypes.ts';
import { ConfirmPanel } from './ConfirmPanel.tsx';
import { useAdminAction, useAdminLoad } from './useAdminRequest.ts';

/** The last characters of a device's id (random, unlike its time-ordered start): enough to tell a person's two phones apart when talking about them. */
function shortId(clientId: string): string {
  return clientId.slice(-6).toUpperCase();
}

/**
 * The phones a person signed in on, and revoking one (a lost or stolen
 * phone): its sessions end at once, and at its next connection the app
 * deletes everything Ura holds on it. Asked twice, with that said plainly.
 */
export function DevicesSection({ userId, personName }: { userId: string; personName: string }) {
  const { t, i18n } = useTranslation('admin');
  const load = useCallback(() => fetchDevices(userId), [userId]);
  const devices = useAdminLoad(load);
  const thisPhone = useLiveQuery(() => peekClientId(db), []);
  const revoking = useAdminAction();
  const [confirming, setConfirming] = useState<string>();
  const [done, setDone] = useState(false);
  const when = (at: number) => formatDateTime(at, i18n.language);

  async function revoke(device: DeviceSummary) {
    const result = await revoking.run(() => revokeDevice(device.clientId));
    if (!result?.ok) return;
    setConfirming(undefined);
    setDone(true);
    devices.reload();
  }

  return (
    <section aria-labelledby="admin-devices-title">
      <h2 id="admin-devices-title">{t('devices.title')}</h2>
      <p role="status" className="admin-done">
        {done ? t('devices.revoked') : devices.loading ? t('loading') : ''}
      </p>
      {devices.problem ? <AdminProblemAlert problem={devices.problem} words={{ notFound: t('person.gone') }} /> : null}
      {revoking.problem ? (
        <AdminProblemAlert problem={revoking.problem} words={{ notFound: t('devices.unknown') }} />
      ) : null}
      {devices.value?.length === 0 ? <p className="empty">{t('devices.none', { name: personName })}</p> : null}
      <ul className="card-list" aria-label={t('devices.title')}>
        {(devices.value ?? []).map((device) => (
          <li key={device.clientId} className="card admin-row" data-testid="admin-device">
            <span className="card-title">
              {t('devices.name', { id: shortId(device.clientId) })}
              {device.clientId === thisPhone ? ` · ${t('devices.thisPhone')}` : ''}
            </span>
            <span className="card-detail">
              {t('devices.seen', { first: when(device.firstSeenAt), last: when(device.lastSeenAt) })}
            </span>
            {device.revokedAt !== null ? (
              <span className="admin-badge">{t('devices.revokedAt', { date: when(device.revokedAt) })}</span>
            ) : confirming === device.clientId ? (
              <ConfirmPanel
                question={t('devices.confirm', { id: shortId(device.clientId), name: personName })}
                consequence={
                  <ul>
                    <li>{t('devices.consequence.sessions')}</li>
                    <li>{t('devices.consequence.wipe')}</li>
                    <li>{t('devices.consequence.unsent')}</li>
                    {device.clientId === thisPhone ? <li>{t('devices.consequence.thisPhone')}</li> : null}
                  </ul>
                }
                confirmLabel={t('devices.revoke')}
                busy={revoking.busy}
                busyLabel={t('devices.revoking')}
                onConfirm={() => void revoke(device)}
                onCancel={() => {
                  setConfirming(undefined);
                  revoking.clearProblem();
                }}
              />
            ) : (
              <button
                type="button"
                className="admin-row-action"
                onClick={() => {
                  setDone(false);
                  revoking.clearProblem();
                  setConfirming(device.clientId);
                }}
              >
                {t('devices.revokeStart')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
