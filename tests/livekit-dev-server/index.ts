/** Public entry point of the LiveKit-compatible development server. */
export { startDevServer, parseKeys } from './server.js';
export type { DevServer, DevServerOptions } from './server.js';
