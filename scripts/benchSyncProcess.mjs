// Starts scripts/benchSyncServe.mjs as a child process (through scripts/withPostgres.sh for
// PostgreSQL) and reads the line where it says where it listens. Stopping closes its stdin, so the
// server closes its database and withPostgres.sh stops and deletes its throwaway cluster.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = (name) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** Whether PostgreSQL's server programs are installed (what withPostgres.sh looks for). */
export function hasPostgres() {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`))
    : false;
  return debian || spawnSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0;
}

/**
 * `engine`: 'sqlite' (with `sqliteFile`) or 'postgres'. Resolves with {url, bareUrl, engine, stop}
 * once the server listens; rejects if the process ends first (its stderr is passed through).
 */
export function startServerProcess({ engine, sqliteFile }) {
  const serve = [process.execPath, script('benchSyncServe.mjs')];
  const [command, ...args] = engine === 'postgres' ? [script('withPostgres.sh'), ...serve] : serve;
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (engine === 'sqlite') env.URA_BENCH_SQLITE = sqliteFile;
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    if (process.env.SB_DEBUG) process.stderr.write(chunk);
    errors += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const where = JSON.parse(line);
      const stop = async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
        await exited;
        clearTimeout(timer);
      };
      resolve({ ...where, stop });
    });
    child.once('exit', (code) => reject(new Error(`the ${engine} server process ended (${code}): ${errors.trim()}`)));
  });
}
