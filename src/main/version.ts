/** Shown in /health and the studio's About line; kept in step with package.json. */
export const APP_VERSION = '0.1.0';
