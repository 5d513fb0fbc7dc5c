import { useState } from 'react';
import type { LiveSession } from '../../../../shared/domain/live';

/** While live: the title and the link to hand to viewers. */
export function LiveInfo(props: { session: LiveSession }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(props.session.watchUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="live-info">
      <p className="live-title">
        <span className="badge live">Live</span> {props.session.title}
      </p>
      {props.session.tags.length > 0 && <p className="hint">{props.session.tags.map((tag) => `#${tag}`).join(' ')}</p>}
      <label>
        Viewer link
        <span className="copy-row">
          <input type="text" readOnly value={props.session.watchUrl} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy watch link'}
          </button>
        </span>
      </label>
    </div>
  );
}
