import { formatMinutes } from '../chartData';

/**
 * Colours and shared props for the history charts, matching the studio's dark theme (styles.css).
 * SVG attributes take literal colours, so the palette is repeated here rather than read from CSS.
 */
export const CHART_COLORS = {
  accent: '#6c8cff',
  ok: '#3ecf8e',
  warn: '#f5b84b',
  danger: '#ff5c6c',
  grid: '#2a2f3a',
  axis: '#9aa3b5',
} as const;

export const axisProps = {
  stroke: CHART_COLORS.axis,
  tick: { fill: CHART_COLORS.axis, fontSize: 12 },
  tickLine: { stroke: CHART_COLORS.grid },
} as const;

export const tooltipProps = {
  contentStyle: { background: '#1c212b', border: '1px solid #2a2f3a', borderRadius: 8, color: '#e8eaf0' },
  labelStyle: { color: '#e8eaf0' },
} as const;

/** Charts size to their container; the height is fixed so the page does not jump. */
export const chartStyle = { width: '100%', height: 240 } as const;

/** The x axis of the timelines (viewers, retention): minutes as numbers from 0, labelled under the axis. */
export function minuteAxisProps(label: string) {
  return {
    ...axisProps,
    dataKey: 'minute',
    type: 'number',
    domain: [0, 'dataMax'],
    tickFormatter: formatMinutes,
    label: { value: label, position: 'insideBottom', offset: -14, fill: CHART_COLORS.axis },
  } as const;
}
