import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { StreamDetail } from '../../../../../shared/domain/history';
import { formatMinutes, viewerSeries, viewerSummary } from '../chartData';
import { ChartFigure, DataTable } from './ChartFigure';
import { axisProps, CHART_COLORS, chartStyle, minuteAxisProps, tooltipProps } from './chartTheme';

/** Concurrent viewers over the stream, as a step line (the count holds until the next change). */
export function ViewersChart(props: { detail: StreamDetail }) {
  const data = viewerSeries(props.detail);
  const source = props.detail.viewers.source === 'samples' ? ' (5-second samples)' : '';
  return (
    <ChartFigure
      id="chart-viewers"
      title={`Concurrent viewers${source}`}
      summary={viewerSummary(props.detail)}
      table={
        <DataTable
          caption="Concurrent viewers by time into the stream"
          columns={['Time', 'Viewers']}
          rows={data.map((p) => [formatMinutes(p.minute), p.viewers])}
        />
      }
    >
      <LineChart responsive style={chartStyle} data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
        <XAxis {...minuteAxisProps('Time into stream')} />
        <YAxis
          {...axisProps}
          allowDecimals={false}
          width={48}
          label={{ value: 'Viewers', angle: -90, position: 'insideLeft', fill: CHART_COLORS.axis }}
        />
        <Tooltip
          {...tooltipProps}
          labelFormatter={(minute) => `At ${formatMinutes(Number(minute))}`}
          formatter={(value) => [value, 'Viewers']}
        />
        <Line
          type="stepAfter"
          dataKey="viewers"
          name="Viewers"
          stroke={CHART_COLORS.accent}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
