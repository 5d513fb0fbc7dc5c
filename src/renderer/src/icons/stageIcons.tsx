import { Icon } from './Icon';

/** The stage's actions on a guest, and the connection quality shown on their tile. */

export const SpotlightIcon = () => (
  <Icon>
    <path d="M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7z" />
  </Icon>
);

export const BackstageIcon = () => (
  <Icon>
    <path d="M4 12h12M10 6l-6 6 6 6M20 4v16" />
  </Icon>
);

export const OnStageIcon = () => (
  <Icon>
    <path d="M20 12H8M14 6l6 6-6 6M4 4v16" />
  </Icon>
);

export const KickIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M5.6 5.6l12.8 12.8" />
  </Icon>
);

export const ShieldIcon = () => (
  <Icon>
    <path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z" />
  </Icon>
);

export const InviteIcon = () => (
  <Icon>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21a7 7 0 0 1 14 0M19 8v6M16 11h6" />
  </Icon>
);

/** Bars drawn by {@link QualityBars}; `level` of them are lit. */
const QUALITY_BARS = [0, 1, 2, 3];

/** Four bars, as many lit as the connection is good. */
export function QualityBars(props: { level: number }) {
  return (
    <svg className="quality-bars" viewBox="0 0 16 12" width="16" height="12" aria-hidden="true" focusable="false">
      {QUALITY_BARS.map((bar) => (
        <rect key={bar} x={bar * 4} y={9 - bar * 3} width="3" height={3 + bar * 3} rx="0.5" className={bar < props.level ? 'lit' : ''} />
      ))}
    </svg>
  );
}
