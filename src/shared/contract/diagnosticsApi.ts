import { z } from 'zod';
import { method, OWNER_AND_MODERATOR } from './methodSpec';

/**
 * Renderer problems that reach main's log: the studio and the moderator console report over the
 * studio contract, the public watch and guest pages over a small public route. The limits live
 * here so the renderer's logger can stay inside what the server accepts.
 */
export const DIAGNOSTICS_LIMITS = {
  /** Characters of one message; longer ones are cut by the sender (and refused if they are not). */
  messageChars: 500,
  /** Characters of the detail (an error's stack); cut like the message. */
  detailChars: 1_500,
  /** Reports in one batch. */
  batchSize: 10,
  /** Bytes of one request body on the public route. */
  publicBodyBytes: 2 * 1024,
} as const;

/** The renderer apps that report; each log line says which one. */
export const ReportingPageSchema = z.enum(['studio', 'watch', 'guest']);
export type ReportingPage = z.infer<typeof ReportingPageSchema>;

export const RendererReportSchema = z
  .object({
    level: z.enum(['error', 'warn', 'info']),
    message: z.string().min(1).max(DIAGNOSTICS_LIMITS.messageChars),
    detail: z.string().max(DIAGNOSTICS_LIMITS.detailChars).optional(),
  })
  .strict();
export type RendererReport = z.infer<typeof RendererReportSchema>;

export const RendererReportBatchSchema = z
  .object({
    page: ReportingPageSchema,
    reports: z.array(RendererReportSchema).min(1).max(DIAGNOSTICS_LIMITS.batchSize),
  })
  .strict();
export type RendererReportBatch = z.infer<typeof RendererReportBatchSchema>;

/** How many reports of a batch reached the log; the rest were over the rate limit. */
export const ReportReceiptSchema = z.object({ logged: z.number().int().min(0) });
export type ReportReceipt = z.infer<typeof ReportReceiptSchema>;

/** The public pages' route (no session: rate-limited per address, body capped). */
export const DIAGNOSTICS_REPORT_PATH = '/api/diagnostics/report';

export const diagnosticsMethods = {
  'diagnostics.report': method({
    params: RendererReportBatchSchema,
    result: ReportReceiptSchema,
    roles: OWNER_AND_MODERATOR,
    summary: "Writes the studio's or the console's errors into the app log, rate-limited.",
  }),
} as const;
