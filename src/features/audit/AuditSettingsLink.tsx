import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespace } from '../../i18n/setupI18n.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import { mayReadAudit } from './auditAccess.ts';

/**
 * Settings → Audit trail, for coordinators and administrators only. Its
 * strings load with it (not with the first screen), and only for them.
 */
export function AuditSettingsLink() {
  const account = useDeviceAccount();
  const allowed = account ? mayReadAudit(account.scope.roles) : false;
  const ready = useAuditStrings(allowed);
  const { t } = useTranslation('audit');
  if (!allowed || !ready) return null;
  return (
    <section aria-labelledby="audit-settings-title" data-testid="audit-settings">
      <h2 id="audit-settings-title">{t('settings.title')}</h2>
      <p>{t('settings.hint')}</p>
      <p>
        <a className="button" href="#/audit">
          {t('settings.link')}
        </a>
      </p>
    </section>
  );
}

function useAuditStrings(wanted: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    // A failed load leaves the link out; the screen itself loads the strings again when opened.
    loadNamespace('audit').then(
      () => current && setReady(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return ready;
}
