import type { ReactNode } from 'react';
import './charts.css';

export interface NumbersRow {
  key: string;
  header: string;
  cells: readonly string[];
}

/**
 * A chart's numbers as a real table, folded under a summary so the page
 * stays short on a phone; screen readers and keyboards open it like any
 * disclosure. Wide tables scroll inside their own box (focusable, so a
 * keyboard can scroll it too), never the page.
 */
export function NumbersTable({
  summary,
  caption,
  regionLabel,
  head,
  rows,
  foot,
  children,
}: {
  summary: string;
  caption: string;
  /** The scrolling box's name, told apart from the section the table belongs to. */
  regionLabel: string;
  head: readonly string[];
  rows: readonly NumbersRow[];
  foot?: NumbersRow | undefined;
  /** Below the table, e.g. its download button. */
  children?: ReactNode;
}) {
  return (
    <details className="numbers">
      <summary>{summary}</summary>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus (WCAG 2.1.1) */}
      <div className="numbers-scroll" tabIndex={0} role="region" aria-label={regionLabel}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((text, index) => (
                <th key={index} scope="col">
                  {text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((text, index) => (
                  <td key={index}>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {foot === undefined ? null : (
            <tfoot>
              <tr>
                <th scope="row">{foot.header}</th>
                {foot.cells.map((text, index) => (
                  <td key={index}>{text}</td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {children}
    </details>
  );
}
