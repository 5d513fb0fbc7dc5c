/**
 * Runs axe-core on a page with the WCAG 2.0, 2.1 and 2.2 level A and AA rules, and returns the
 * serious and critical violations as readable lines (empty when the page passes).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** A part of a page left out of the audit, and why; every one is listed in the spec that uses it. */
export interface AuditExclusion {
  selector: string;
  reason: string;
}

export async function seriousViolations(page: Page, exclusions: readonly AuditExclusion[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const { selector } of exclusions) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
    );
}
