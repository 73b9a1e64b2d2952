import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyOutcome = 'copied' | 'failed' | undefined;

/**
 * Copies a code or a link for a message to the person. Where the browser
 * offers no clipboard (an insecure page, an old phone), says so: the text
 * is shown selectable beside the button.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('admin');
  const [outcome, setOutcome] = useState<CopyOutcome>();

  async function copy() {
    try {
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <div className="admin-copy">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="admin-copy-status">
        {outcome === 'copied' ? t('copy.done') : outcome === 'failed' ? t('copy.failed') : ''}
      </span>
    </div>
  );
}
