import { useStudio } from '../../store';
import { selectConnectionTest, selectTestConnection } from '../../store/selectors/settings';

const TITLES = {
  ok: 'Connected',
  unreachable: 'Server unreachable',
  unauthorized: 'Credentials rejected',
  error: 'LiveKit error',
} as const;

/** "Test connection" against the saved settings, with a result the person can act on. */
export function ConnectionTestResult() {
  const test = useStudio(selectConnectionTest);
  const run = useStudio(selectTestConnection);
  const result = test.result;
  return (
    <div className="connection-test">
      <button type="button" onClick={() => void run()} disabled={test.running}>
        {test.running ? 'Testing…' : 'Test connection'}
      </button>
      <span className="hint">Tests the saved settings; save first after editing.</span>
      <div role="status" aria-live="polite" aria-label="Connection test result">
        {result && (
          <p className={result.status === 'ok' ? 'test-ok' : 'test-fail'}>
            <strong>{TITLES[result.status]}.</strong> {result.message}
          </p>
        )}
        {test.error && <p className="test-fail">{test.error.message}</p>}
      </div>
    </div>
  );
}
