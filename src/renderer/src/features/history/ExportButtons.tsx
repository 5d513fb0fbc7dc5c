import { useState } from 'react';
import type { ExportFormat, ExportPart } from '../../../../shared/domain/history';
import { useStudio } from '../../store';
import { selectExportStream } from '../../store/selectors/history';
import { downloadFile } from './downloadFile';

const PARTS: { part: ExportPart; label: string }[] = [
  { part: 'chat', label: 'chat' },
  { part: 'moderation', label: 'moderation log' },
];
const FORMATS: ExportFormat[] = ['json', 'csv'];

/** Export a stream's chat or moderation log as JSON or CSV. */
export function ExportButtons(props: { streamId: string }) {
  const exportStream = useStudio(selectExportStream);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function run(part: ExportPart, format: ExportFormat) {
    setStatus({ text: 'Preparing the file…', error: false });
    const result = await exportStream(props.streamId, part, format);
    if ('error' in result) {
      setStatus({ text: `Export failed: ${result.error.message}`, error: true });
      return;
    }
    downloadFile(result.file);
    setStatus({ text: `Saved ${result.file.filename}`, error: false });
  }

  return (
    <div className="hist-export">
      {PARTS.map(({ part, label }) => (
        <div key={part} className="hist-export-group" role="group" aria-label={`Export ${label}`}>
          <span>Export {label}:</span>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              onClick={() => void run(part, format)}
              aria-label={`Export ${label} as ${format.toUpperCase()}`}
            >
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <p role="status" className={status?.error ? 'form-error' : 'hint'}>
        {status?.text ?? ''}
      </p>
    </div>
  );
}
