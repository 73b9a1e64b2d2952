// The built app and server for the Chromium benchmarks (casework, roster import, export): one copy of how
// they find the build and start the server on a free loopback port with the demo data.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A path of the build, wherever the benchmark is run from. */
export const built = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts dist's server on its own data directory and waits until it answers; kill `child` when done. */
export async function startServer(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [built('dist/server/server/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 200; tries += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the built server did not start (run `npm run build` first)');
}
