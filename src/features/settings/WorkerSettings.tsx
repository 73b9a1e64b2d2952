import { useTranslation } from 'react-i18next';
import { isWorkerRole, WORKER_ROLES } from '../../domain/workerRole.ts';
import { updateWorker, useWorkerStore } from '../../state/workerStore.ts';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** Name and role of the person using this phone, until accounts exist (issue 5). */
export function WorkerSettings() {
  const { t } = useTranslation();
  const worker = useWorkerStore();
  return (
    <>
      <h2>{t('settings.worker')}</h2>
      <p className="field-hint">{t('settings.workerHint')}</p>
      <TextField
        label={t('settings.workerName')}
        value={worker.name}
        onValueChange={(name) => updateWorker({ name })}
        autoComplete="name"
        maxLength={200}
      />
      <ChoiceField
        label={t('settings.workerRole')}
        name="worker-role"
        value={worker.role}
        options={WORKER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        onValueChange={(role) => {
          if (isWorkerRole(role)) updateWorker({ role });
        }}
      />
    </>
  );
}
