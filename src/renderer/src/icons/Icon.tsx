import type { ReactNode } from 'react';

/**
 * The frame every line icon shares. Inline SVG rather than emoji: emoji fonts differ per system
 * (and are missing on some), icons must look the same everywhere. Decorative, so hidden from
 * screen readers: the text or label next to an icon says what it means. The public pages size
 * `.icon` in CSS, which overrides the 16 px default the studio uses.
 */
export function Icon(props: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}
