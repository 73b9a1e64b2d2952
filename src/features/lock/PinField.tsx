import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretField } from '../../ui/SecretField.tsx';

interface PinFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  shown?: boolean;
  onShownChange?: (shown: boolean) => void;
}

/** A PIN: the number pad, never offered to a password manager, with the toggle that shows it. */
export function PinField(props: PinFieldProps) {
  const { t } = useTranslation('lock');
  return <SecretField {...props} name="pin" autoComplete="off" inputMode="numeric" showLabel={t('showPin')} />;
}
