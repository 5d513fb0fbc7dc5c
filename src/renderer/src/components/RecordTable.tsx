import type { ReactNode } from 'react';

/**
 * A list of records as a table: one heading per column and the caller's rows, so each list keeps
 * its own cells. With `actions`, a last column holds each row's buttons (its heading is read by
 * screen readers only).
 */
export function RecordTable(props: {
  className?: string;
  headings: readonly ReactNode[];
  actions?: boolean;
  /** Read by screen readers: a hidden caption, or a label when a visible heading is nearby. */
  caption?: string;
  ariaLabel?: string;
  children: ReactNode;
}) {
  return (
    <table className={props.className} aria-label={props.ariaLabel}>
      {props.caption && <caption className="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          {props.headings.map((heading, index) => (
            <th key={index} scope="col">
              {heading}
            </th>
          ))}
          {props.actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
