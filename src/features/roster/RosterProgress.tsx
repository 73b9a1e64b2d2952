import { useId } from 'react';

/** A long step's progress: the words for screen readers (polite), the bar for everyone's eyes. */
export function RosterProgress({ label, fraction }: { label: string; fraction: number }) {
  const id = useId();
  return (
    <div className="roster-progress" aria-busy="true">
      <p id={id} role="status">
        {label}
      </p>
      <progress aria-labelledby={id} max={1} value={Math.min(1, Math.max(0, fraction))} />
    </div>
  );
}
