const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "6:00 PM" in the viewer's locale: short enough for a stat card. */
export function formatClock(ms: number): string {
  return clock.format(new Date(ms));
}

/** "Nov 20, 2026" in the viewer's locale. */
export function formatDay(ms: number): string {
  return day.format(new Date(ms));
}
