import type { ReactNode } from 'react';

/** A yes/no setting: a labelled checkbox, with a line under it saying what turning it on does. */
export function CheckSetting(props: { checked: boolean; onChange(checked: boolean): void; children: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label className="rules-check">
        <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
        {props.children}
      </label>
      {props.hint ? <span className="hint">{props.hint}</span> : null}
    </>
  );
}
