import { useToastStore } from '../state/toastStore.ts';

/** Polite announcement area; always rendered so screen readers pick up changes. */
export function Toast() {
  const message = useToastStore((state) => state.message);
  return (
    <div className={message ? 'toast toast-visible' : 'toast'} role="status" aria-live="polite">
      {message}
    </div>
  );
}
