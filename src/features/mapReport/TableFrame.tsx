import type { ReactNode } from 'react';

/**
 * A wide table's frame, which scrolls sideways on a phone so the page never
 * does. A scrolling region must be reachable from the keyboard to be read
 * (WCAG 2.1.1; axe's scrollable-region-focusable), hence its tab stop, named
 * by the table's caption.
 */
export function TableFrame({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region needs a keyboard stop
    <div className="map-report-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
