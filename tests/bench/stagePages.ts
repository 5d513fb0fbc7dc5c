/**
 * In-page clocks for the stage benchmark. A watcher is armed in a page before the action it
 * times (arming resolves once it is installed) and stamps `Date.now()` — the same clock as the
 * Node side — at the moment the page itself sees the change, so the time Playwright takes to
 * notice and report it afterwards is not counted.
 */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __benchAt?: Record<string, number>;
  }
}

/** tsx keeps function names with a `__name` helper that pages do not have; give them a no-op one. */
async function prepare(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn; window.__benchAt ??= {};');
}

/**
 * Stamps `key` when an element matching `selector` (with exactly `text` as its text, if given) is
 * in the document, or with `gone`, when none is left. A MutationObserver wakes on every DOM change,
 * so this is pushed, not sampled.
 */
export async function armElement(
  page: Page,
  key: string,
  selector: string,
  options: { text?: string; gone?: boolean } = {},
): Promise<void> {
  await prepare(page);
  await page.evaluate(
    ([stamp, css, wanted, gone]) => {
      delete window.__benchAt![stamp];
      const check = (): boolean => {
        const present = [...document.querySelectorAll(css)].some((el) => wanted === null || el.textContent?.trim() === wanted);
        if (present === gone) return false;
        window.__benchAt![stamp] = Date.now();
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    [key, selector, options.text ?? null, options.gone ?? false] as const,
  );
}

/**
 * Stamps `key` when the guest presses the button labelled `buttonText`, at the press itself (capture
 * phase on the window, before the page's own handler runs), where the guest's action starts.
 */
export async function armPress(page: Page, key: string, buttonText: string): Promise<void> {
  await prepare(page);
  await page.evaluate(
    ([stamp, label]) => {
      delete window.__benchAt![stamp];
      window.addEventListener(
        'click',
        (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          if (button?.textContent?.trim() === label && window.__benchAt![stamp] === undefined) window.__benchAt![stamp] = Date.now();
        },
        true,
      );
    },
    [key, buttonText] as const,
  );
}

/**
 * Stamps `key` when the video in `selector` first has a decoded frame, read from its receiver's
 * inbound-rtp `framesDecoded` (as tests/support/e2e/viewerPage.ts reads the host's screen). Needs
 * a page opened with `openViewer`, which keeps its RTCPeerConnections. getStats has no event for
 * a decoded frame, so this samples every 10 ms, which bounds the error of the reading.
 */
export async function armFirstDecoded(page: Page, key: string, selector: string): Promise<void> {
  await prepare(page);
  await page.evaluate(
    ([stamp, css]) => {
      delete window.__benchAt![stamp];
      const decoded = async (): Promise<boolean> => {
        const video = document.querySelector<HTMLVideoElement>(css);
        const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
        if (!track) return false;
        for (const pc of window.__peerConnections ?? []) {
          if (pc.connectionState === 'closed') continue;
          const receiver = pc.getReceivers().find((r) => r.track.id === track.id);
          if (!receiver) continue;
          let frames = 0;
          (await receiver.getStats()).forEach((s: Record<string, unknown>) => {
            if (s.type === 'inbound-rtp') frames = Number(s.framesDecoded ?? 0);
          });
          return frames > 0;
        }
        return false;
      };
      const sample = async (): Promise<void> => {
        if (await decoded()) window.__benchAt![stamp] = Date.now();
        else setTimeout(() => void sample(), 10);
      };
      void sample();
    },
    [key, selector] as const,
  );
}

/** The time stamped under `key`, once there is one (the stamp, not this wait, is the measurement). */
export async function stampOf(page: Page, key: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction((stamp) => window.__benchAt?.[stamp], key, { timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

/**
 * For a context's init script: stamps every text frame a page's WebSockets deliver that contains
 * `moderation.queued`, so the studio page's arrival of the event can be told apart from its drawing.
 */
export function recordQueuedFrames(): void {
  const frames: { at: number; data: string }[] = [];
  (window as unknown as { __queuedFrames: typeof frames }).__queuedFrames = frames;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.includes('"moderation.queued"')) frames.push({ at: Date.now(), data: event.data });
      });
    }
  } as typeof WebSocket;
}

/** When the studio page's socket delivered `moderation.queued` naming `name`. */
export async function queuedFrameAt(page: Page, name: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (who) =>
      (window as unknown as { __queuedFrames?: { at: number; data: string }[] }).__queuedFrames?.find((f) =>
        f.data.includes(JSON.stringify(who)),
      )?.at,
    name,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}
