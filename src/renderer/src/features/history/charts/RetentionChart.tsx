import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { StreamDetail } from '../../../../../shared/domain/history';
import { formatMinutes, formatPercent, retentionSummary } from '../chartData';
import { ChartFigure, DataTable } from './ChartFigure';
import { axisProps, CHART_COLORS, chartStyle, minuteAxisProps, tooltipProps } from './chartTheme';

/** Share of viewers who watched at least t minutes. */
export function RetentionChart(props: { detail: StreamDetail }) {
  const data = props.detail.viewers.retention;
  return (
    <ChartFigure
      id="chart-retention"
      title="Retention"
      summary={retentionSummary(props.detail)}
      table={
        <DataTable
          caption="Viewers who watched at least this long"
          columns={['Watched at least', 'Viewers', 'Share']}
          rows={data.map((p) => [formatMinutes(p.minute), p.viewers, formatPercent(p.share)])}
        />
      }
    >
      {data.length > 0 ? (
        <AreaChart responsive style={chartStyle} data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis {...minuteAxisProps('Minutes watched')} />
          <YAxis
            {...axisProps}
            domain={[0, 1]}
            tickFormatter={formatPercent}
            width={48}
            label={{ value: 'Still watching', angle: -90, position: 'insideLeft', fill: CHART_COLORS.axis, dy: 40 }}
          />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(minute) => `After ${formatMinutes(Number(minute))}`}
            formatter={(value) => [formatPercent(Number(value)), 'Still watching']}
          />
          <Area
            type="stepAfter"
            dataKey="share"
            name="Still watching"
            stroke={CHART_COLORS.ok}
            fill={CHART_COLORS.ok}
            fillOpacity={0.18}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </AreaChart>
      ) : (
        <p className="hist-chart-empty">No retention data.</p>
      )}
    </ChartFigure>
  );
}
