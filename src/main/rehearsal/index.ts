/** Public entry point of the LiveKit-compatible development server. */
export { startDevServer, parseKeys } from './server';
export type { DevServer, DevServerOptions } from './server';
