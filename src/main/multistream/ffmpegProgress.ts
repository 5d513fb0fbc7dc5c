/**
 * ffmpeg's `-progress` output: `key=value` lines, a block ending in `progress=continue` about twice
 * a second (or `progress=end`). Each complete block becomes one report.
 */
export interface ProgressReport {
  /** Output bitrate in kbit/s, 0 when ffmpeg cannot tell yet. */
  bitrateKbps: number;
  frames: number;
  droppedFrames: number;
  /** Output media time written so far, in ms. */
  outTimeMs: number;
  totalBytes: number;
  ended: boolean;
}

const US_PER_MS = 1000;

export class ProgressParser {
  private partial = '';
  private fields = new Map<string, string>();

  constructor(private readonly onReport: (report: ProgressReport) => void) {}

  push(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (key !== 'progress') {
        this.fields.set(key, value);
        continue;
      }
      this.onReport(this.report(value === 'end'));
      this.fields = new Map();
    }
  }

  private report(ended: boolean): ProgressReport {
    const number = (key: string): number => {
      const parsed = Number.parseFloat(this.fields.get(key) ?? '');
      return Number.isFinite(parsed) ? parsed : 0;
    };
    // out_time_ms is in microseconds despite its name (an old ffmpeg quirk); prefer out_time_us.
    const outTimeUs = this.fields.has('out_time_us') ? number('out_time_us') : number('out_time_ms');
    return {
      bitrateKbps: number('bitrate'),
      frames: number('frame'),
      droppedFrames: number('drop_frames'),
      outTimeMs: Math.max(0, Math.round(outTimeUs / US_PER_MS)),
      totalBytes: number('total_size'),
      ended,
    };
  }
}
