// Development: the API server (compiled once, on port 8080) plus Vite's dev
// server with hot reload, which proxies /api to it. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['tsc', '-p', 'src/server/tsconfig.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn(process.execPath, ['dist/server/server/main.js'], { stdio: 'inherit', env: { ...process.env, PORT: '8080' } }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
