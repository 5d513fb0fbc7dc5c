import { createRequire } from 'node:module';

/**
 * The ffmpeg shipped inside the `@ffmpeg-installer/<platform>` package: nothing is downloaded at
 * install or run time. In a packaged app the binary sits next to the asar archive (unpacked), since
 * a file inside the archive cannot be executed.
 */
export function ffmpegPath(): string {
  const require = createRequire(import.meta.url);
  const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
  return installer.path.replace(`app.asar${pathSep()}`, `app.asar.unpacked${pathSep()}`);
}

function pathSep(): string {
  return process.platform === 'win32' ? '\\' : '/';
}
