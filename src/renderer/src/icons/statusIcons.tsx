import { Icon } from './Icon';

/** Viewers, upload, a raised hand, and the states a link or a guest can end up in. */

export const EyeIcon = () => (
  <Icon>
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
);

export const UploadIcon = () => (
  <Icon>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Icon>
);

/** A broken link: the invite is no longer valid. */
export const LinkOffIcon = () => (
  <Icon>
    <path d="M9 15l-1.5 1.5a3.5 3.5 0 0 1-5-5L5 9M15 9l1.5-1.5a3.5 3.5 0 0 1 5 5L19 15M8 8l8 8M3 3l18 18" />
  </Icon>
);

/** A barred circle: the guest was refused. */
export const BlockedIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M6 6l12 12" />
  </Icon>
);

/** A raised hand: a viewer asks to come on stage. */
export const HandIcon = () => (
  <Icon>
    <path d="M8 12V5.5a1.5 1.5 0 0 1 3 0V11m0-6.5a1.5 1.5 0 0 1 3 0V11m0-5a1.5 1.5 0 0 1 3 0v7.5M8 12l-1.4-1.6a1.6 1.6 0 0 0-2.4 2.1L8 18a6 6 0 0 0 4.7 2.3H13a5 5 0 0 0 4-2 5 5 0 0 0 1-3V9.5a1.5 1.5 0 0 0-3 0" />
  </Icon>
);
