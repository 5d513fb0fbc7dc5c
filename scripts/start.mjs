// `npm start`: build, then launch the desktop app. Electron's binary is fetched on first run; where
// that is impossible (offline machines, CI) say so and point at the headless studio instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electronPath;
try {
  electronPath = require('electron');
} catch (error) {
  console.error(
    [
      '',
      'Airdeck could not start the desktop app: the Electron runtime is not installed and could not be downloaded.',
      `  (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      'Run the same studio in your browser instead:',
      '  npm run serve',
      'or install Electron on a machine with internet access (npx install-electron).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

// Options after `--` (e.g. `npm start -- --no-local-livekit`) go to the app.
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env } });
child.on('exit', (code) => process.exit(code ?? 0));
