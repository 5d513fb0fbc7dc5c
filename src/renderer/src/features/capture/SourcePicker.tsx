import type { CaptureSource } from '../../../../shared/domain/live';
import { useStudio } from '../../store';
import { selectPicker } from '../../store/selectors/capture';
import { useModalDialog } from '../../components/useModalDialog';

function SourceGrid(props: { title: string; sources: CaptureSource[]; disabled: boolean; onPick(id: string): void }) {
  if (props.sources.length === 0) return null;
  return (
    <section aria-label={props.title}>
      <h3>{props.title}</h3>
      <div className="source-grid">
        {props.sources.map((source) => (
          <button
            key={source.id}
            type="button"
            className="source-tile"
            disabled={props.disabled}
            onClick={() => props.onPick(source.id)}
            aria-label={`Share ${source.name}`}
          >
            <img src={source.thumbnail} alt="" className="source-thumb" />
            <span className="source-name">
              {source.appIcon && <img src={source.appIcon} alt="" className="source-icon" />}
              {source.name}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * The desktop app's screen and window picker: thumbnails from `capture.listSources`; picking
 * one tells main which source the next getDisplayMedia call is granted.
 */
export function SourcePicker() {
  const picker = useStudio(selectPicker);
  const { chooseSource, closePicker } = useStudio.getState();
  const dialog = useModalDialog(picker.open);

  const pick = (id: string) => void chooseSource(id);
  return (
    <dialog ref={dialog} className="source-picker" aria-label="Choose what to share" onClose={closePicker}>
      <header>
        <h2>Choose what to share</h2>
        <button type="button" onClick={closePicker}>
          Cancel
        </button>
      </header>
      {picker.error && (
        <p className="form-error" role="alert">
          {picker.error}
        </p>
      )}
      {picker.sources.length === 0 && <p className="hint">No screens or windows are available to share.</p>}
      <SourceGrid title="Screens" sources={picker.sources.filter((s) => s.kind === 'screen')} disabled={picker.loading} onPick={pick} />
      <SourceGrid title="Windows" sources={picker.sources.filter((s) => s.kind === 'window')} disabled={picker.loading} onPick={pick} />
    </dialog>
  );
}
