/**
 * Keyboard-only navigation for specs: reach a control by pressing Tab (or Shift+Tab) as a person
 * would, never by clicking or focusing it from script, so a control Tab cannot reach fails.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** More Tab presses than any studio page has stops; reaching it means the control is unreachable. */
const DEFAULT_TAB_LIMIT = 80;

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; limit?: number } = {}): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.limit ?? DEFAULT_TAB_LIMIT); i++) {
    // count() first: evaluate() on a control that is not there would wait for it until the test times out.
    if ((await target.count()) === 1 && (await target.evaluate((element) => element === document.activeElement))) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} never reached the control`).toBeFocused();
}

/** The focused element draws a visible focus indicator (WCAG 2.4.7): an outline or a box shadow. */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { outline: computed.outlineStyle, width: parseFloat(computed.outlineWidth), shadow: computed.boxShadow };
  });
  expect((style.outline !== 'none' && style.width >= 1) || style.shadow !== 'none', `no focus indicator: ${JSON.stringify(style)}`).toBe(
    true,
  );
}
