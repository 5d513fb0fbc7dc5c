import { useMemo } from 'react';
import { useStudio } from '../../store';
import { selectCameraShowing } from '../../store/selectors/capture';
import { selectDestinations, selectMultistreamStatus, selectUplinkCapacity, selectVideoKbps } from '../../store/selectors/multistream';
import { selectDraftMode, selectLiveBitrateKbps } from '../../store/selectors/live';
import {
  budgetVerdict,
  formatMbit,
  measuredBudget,
  measuredSummary,
  overAdvice,
  planSummary,
  plannedBudget,
  type BudgetVerdict,
} from './uplinkBudget';

/**
 * The warning when the total is more than the connection has carried. The live region is always
 * mounted so screen readers hear the warning when it appears; its text holds no per-second
 * numbers, so it is not re-announced while the rates move.
 */
function UplinkWarning({ verdict, live }: { verdict: BudgetVerdict; live: boolean }) {
  return (
    <div role="status" aria-live="polite" aria-label="Upload warning" className="uplink-warning">
      {verdict.kind === 'over' && (
        <p className="notice notice-warn">
          <strong>More upload than your connection has shown it can carry.</strong> {overAdvice(verdict, live)}
        </p>
      )}
    </div>
  );
}

function capacityNote(verdict: BudgetVerdict): string {
  return verdict.kind === 'unknown'
    ? 'How much your connection can carry is not known yet: it is measured while you are live.'
    : `Your connection has carried up to ${formatMbit(verdict.capacityKbps)} Mbit/s.`;
}

/** In the go-live panel: the planned upload (LiveKit plus one upload per destination that is on). */
export function UplinkPlan() {
  const mode = useStudio(selectDraftMode);
  const camera = useStudio(selectCameraShowing);
  const destinations = useStudio(selectDestinations);
  const videoKbps = useStudio(selectVideoKbps);
  const capacity = useStudio(selectUplinkCapacity);
  const budget = useMemo(
    () => plannedBudget({ mode, camera, videoKbps, destinations: destinations.filter((d) => d.enabled && d.hasKey).map((d) => d.name) }),
    [mode, camera, videoKbps, destinations],
  );
  const verdict = budgetVerdict(budget, capacity);
  return (
    <div className="uplink-budget">
      <p className="hint">
        {planSummary(budget)}. {capacityNote(verdict)}
      </p>
      <UplinkWarning verdict={verdict} live={false} />
    </div>
  );
}

/** Beside the live destinations: what is measured going up right now, and the warning. */
export function UplinkLive() {
  const livekitKbps = useStudio(selectLiveBitrateKbps);
  const status = useStudio(selectMultistreamStatus);
  const capacity = useStudio(selectUplinkCapacity);
  const budget = useMemo(() => measuredBudget(livekitKbps, status), [livekitKbps, status]);
  const verdict = budgetVerdict(budget, capacity);
  return (
    <div className="uplink-budget">
      <span className="metric muted">{measuredSummary(budget)}</span>
      <UplinkWarning verdict={verdict} live />
    </div>
  );
}
