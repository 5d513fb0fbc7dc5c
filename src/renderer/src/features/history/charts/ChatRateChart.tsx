import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { StreamDetail } from '../../../../../shared/domain/history';
import { chatSummary, formatMinutes } from '../chartData';
import { ChartFigure, DataTable } from './ChartFigure';
import { axisProps, CHART_COLORS, chartStyle, tooltipProps } from './chartTheme';

/** Chat messages per minute, shown and moderated stacked, so bursts of held messages stand out. */
export function ChatRateChart(props: { detail: StreamDetail }) {
  const data = props.detail.chatPerMinute;
  return (
    <ChartFigure
      id="chart-chat"
      title="Chat messages per minute"
      summary={chatSummary(props.detail)}
      table={
        <DataTable
          caption="Chat messages per minute"
          columns={['Minute', 'Shown', 'Moderated']}
          rows={data.filter((m) => m.shown + m.moderated > 0).map((m) => [formatMinutes(m.minute), m.shown, m.moderated])}
        />
      }
    >
      <BarChart responsive style={chartStyle} data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis
          {...axisProps}
          dataKey="minute"
          tickFormatter={formatMinutes}
          label={{ value: 'Minute of stream', position: 'insideBottom', offset: -14, fill: CHART_COLORS.axis }}
        />
        <YAxis
          {...axisProps}
          allowDecimals={false}
          width={48}
          label={{ value: 'Messages', angle: -90, position: 'insideLeft', fill: CHART_COLORS.axis }}
        />
        <Tooltip
          {...tooltipProps}
          cursor={{ fill: 'rgba(108, 140, 255, 0.12)' }}
          labelFormatter={(minute) => `Minute ${formatMinutes(Number(minute))}`}
        />
        <Legend verticalAlign="top" height={24} itemSorter={null} wrapperStyle={{ color: CHART_COLORS.axis, fontSize: 12 }} />
        <Bar dataKey="shown" name="Shown" stackId="chat" fill={CHART_COLORS.accent} isAnimationActive={false} />
        <Bar dataKey="moderated" name="Held, rejected or deleted" stackId="chat" fill={CHART_COLORS.warn} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
