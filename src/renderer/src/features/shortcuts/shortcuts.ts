/**
 * Every keyboard shortcut of the studio, in one place: the help dialog lists these, and the
 * README's Accessibility section mirrors them. Queue keys are single characters, so they act only
 * while the queue has focus and can be turned off in Settings (WCAG 2.2 SC 2.1.4); the others use
 * Ctrl/Cmd and work anywhere outside a text field.
 */
export interface Shortcut {
  /** Keys pressed together; alternatives are separate entries of `alternatives`. */
  keys: string[];
  alternatives?: string[][];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  /** When the group applies. */
  scope: string;
  /** Single-key group: turned off by the Settings option. */
  singleKey: boolean;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Moderation queue',
    scope: 'While the queue has focus (Tab to it, or use “Skip to moderation queue”)',
    singleKey: true,
    shortcuts: [
      { keys: ['j'], alternatives: [['↓']], action: 'Next item' },
      { keys: ['k'], alternatives: [['↑']], action: 'Previous item' },
      { keys: ['a'], action: 'Approve: show the message, uphold the report, let the guest on stage' },
      { keys: ['r'], action: 'Reject: drop the message, dismiss the report, refuse the request' },
      { keys: ['d'], action: 'Delete the message (drop a held message, uphold a report)' },
      { keys: ['t'], action: 'Time out the author for 5 minutes and remove their message' },
      { keys: ['b'], action: 'Ban the author from this stream and remove their message' },
      { keys: ['?'], action: 'Show this list' },
    ],
  },
  {
    title: 'Studio',
    scope: 'Anywhere in the studio, except while typing in a text field',
    singleKey: false,
    shortcuts: [
      { keys: ['Ctrl/Cmd', 'D'], action: 'Mute or unmute your microphone' },
      { keys: ['Ctrl/Cmd', 'E'], action: 'Turn your camera off or on' },
      { keys: ['Esc'], action: 'Close a dialog or menu' },
    ],
  },
];
