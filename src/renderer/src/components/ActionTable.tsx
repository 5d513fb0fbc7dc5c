import type { ReactNode } from 'react';

/**
 * A list of records as a table whose last column holds each row's buttons (its heading is read
 * by screen readers only). The caller renders the rows, so each list keeps its own cells.
 */
export function ActionTable(props: {
  className: string;
  headings: readonly string[];
  caption?: string;
  ariaLabel?: string;
  children: ReactNode;
}) {
  return (
    <table className={props.className} aria-label={props.ariaLabel}>
      {props.caption && <caption className="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          {props.headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
