import type { LivePhase } from './liveState';

const STEPS: { phase: LivePhase; label: string }[] = [
  { phase: 'creating', label: 'Creating the room' },
  { phase: 'connecting', label: 'Connecting to LiveKit' },
  { phase: 'publishing', label: 'Publishing your media' },
];

/** The three visible steps of going live, announced as they advance. */
export function GoLiveProgress(props: { phase: LivePhase }) {
  const current = STEPS.findIndex((step) => step.phase === props.phase);
  return (
    <div className="golive-progress" role="status" aria-label="Going live">
      <ol>
        {STEPS.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'pending';
          return (
            <li key={step.phase} className={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-mark" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              {step.label}
              {state === 'current' && '…'}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
