import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretField } from '../../ui/SecretField.tsx';

interface PasswordFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** `new-password` where one is being chosen: the phone's password manager then offers a strong one. */
  purpose?: 'current-password' | 'new-password';
  name?: string;
}

/** An account's password, with the toggle that shows it. */
export function PasswordField({ purpose = 'current-password', name = 'password', ...field }: PasswordFieldProps) {
  const { t } = useTranslation('account');
  return <SecretField {...field} name={name} autoComplete={purpose} showLabel={t('signIn.showPassword')} />;
}
