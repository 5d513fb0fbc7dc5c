import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { GuestSummary } from '../../../../../shared/domain/history';
import { formatMinutes, minutesSince, QUALITY_NAMES, qualitySeries, qualitySummary } from '../chartData';
import { ChartFigure, DataTable } from './ChartFigure';
import { axisProps, CHART_COLORS, tooltipProps } from './chartTheme';

/** One guest's connection quality through the show, as the studio saw it change. */
export function QualityTimeline(props: { guest: GuestSummary; start: number; end: number }) {
  const { guest, start, end } = props;
  const data = qualitySeries(guest, start, end);
  return (
    <ChartFigure
      id={`chart-quality-${guest.identity.replace(/[^A-Za-z0-9_-]/g, '_')}`}
      title={`Connection quality: ${guest.name}`}
      summary={qualitySummary(guest, start)}
      table={
        <DataTable
          caption={`Connection quality changes for ${guest.name}`}
          columns={['Time', 'Quality']}
          rows={guest.quality.map((q) => [formatMinutes(minutesSince(q.at, start)), q.quality])}
        />
      }
    >
      {data.length > 0 ? (
        <LineChart responsive style={{ width: '100%', height: 150 }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis {...axisProps} dataKey="minute" type="number" domain={[0, minutesSince(end, start)]} tickFormatter={formatMinutes} />
          <YAxis
            {...axisProps}
            domain={[0, 3]}
            ticks={[0, 1, 2, 3]}
            tickFormatter={(level: number) => QUALITY_NAMES[level] ?? ''}
            width={72}
          />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(minute) => `At ${formatMinutes(Number(minute))}`}
            formatter={(level) => [QUALITY_NAMES[Number(level)] ?? '', 'Quality']}
          />
          <Line
            type="stepAfter"
            dataKey="level"
            name="Quality"
            stroke={CHART_COLORS.warn}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      ) : (
        <p className="hist-chart-empty">No quality changes recorded.</p>
      )}
    </ChartFigure>
  );
}
