import type { ReactNode } from 'react';

/**
 * A chart with its title, a one-sentence summary (read by screen readers as the figure's
 * description) and the same numbers as a table behind a disclosure, for anyone who cannot or
 * would rather not read the drawing.
 */
export function ChartFigure(props: { id: string; title: string; summary: string; table: ReactNode; children: ReactNode }) {
  return (
    <figure className="hist-chart" aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-summary`}>
      <figcaption>
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        <p id={`${props.id}-summary`} className="hint">
          {props.summary}
        </p>
      </figcaption>
      <div className="hist-chart-plot">{props.children}</div>
      <details className="hist-chart-data">
        <summary>Show the numbers</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** A compact table of a chart's data. */
export function DataTable(props: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <table className="hist-data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
