/**
 * The real server (src/server/main.ts) as a child process a test can kill with
 * SIGKILL, on a real database of the engine the vitest project names.
 *
 * Node 20 cannot run TypeScript, and the repository has no tsx or vite-node. So
 * the server's modules (main.ts and everything it imports) are transpiled with
 * TypeScript's own `transpileModule` — types stripped, `.ts` imports rewritten
 * to `.js`, as `npm run build:server` emits them — into a scratch folder under
 * node_modules/.cache (inside the repository, so they find node_modules). That
 * takes a second, needs no `npm run build`, and runs the sources as they are now.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeIdentifier } from 'pg';
import ts from 'typescript';
import type { OpenDatabaseOptions } from '../../src/server/database/openDatabase.ts';
import { freePort } from '../e2e/support/serverProcess.ts';
import { runAsAdmin, TEST_ENGINE, testDatabaseUrl } from './serverTestDatabase.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_MAIN = join(REPO_ROOT, 'src', 'server', 'main.ts');
const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  verbatimModuleSyntax: true,
  rewriteRelativeImportExtensions: true,
};

export interface CompiledServer {
  /** The transpiled src/server/main.ts. */
  entry: string;
  remove: () => void;
}

export function compileServer(): CompiledServer {
  const outDir = join(REPO_ROOT, 'node_modules', '.cache', `ura-server-crash-${randomBytes(6).toString('hex')}`);
  mkdirSync(outDir, { recursive: true });
  // Without it Node would take the ES modules for CommonJS (node_modules has no package.json of its own).
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  const queue = [SERVER_MAIN];
  const done = new Set<string>();
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const output = ts.transpileModule(source, { compilerOptions: TRANSPILE_OPTIONS, fileName: file }).outputText;
    const target = join(outDir, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      if (fileName.startsWith('.') && fileName.endsWith('.ts')) queue.push(resolve(dirname(file), fileName));
    }
  }
  return {
    entry: join(outDir, 'src', 'server', 'main.js'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Where a server's data lives: the environment main.ts reads, and how the test reaches the same data. */
export interface CrashDatabase {
  env: Record<string, string>;
  target: OpenDatabaseOptions;
  drop: () => Promise<void>;
}

/** An empty database (a fresh SQLite folder, or a fresh PostgreSQL schema); the server migrates and seeds it. */
export async function freshCrashDatabase(): Promise<CrashDatabase> {
  if (TEST_ENGINE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ura-crash-'));
    return {
      env: { DATA_DIR: dir },
      target: { file: join(dir, 'ura.sqlite') },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const url = testDatabaseUrl();
  const schema = `ura_crash_${randomBytes(8).toString('hex')}`;
  await runAsAdmin(url, `create schema ${escapeIdentifier(schema)}`);
  // As docs/database.md tells a deployer to pick a schema: in the URL main.ts reads.
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${options}` },
    target: { url, schema },
    drop: () => runAsAdmin(url, `drop schema ${escapeIdentifier(schema)} cascade`),
  };
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the server printed, for a failure message. */
  output: () => string;
}

export async function startServerProcess(
  compiled: CompiledServer,
  database: CrashDatabase,
  port?: number,
): Promise<ServerProcess> {
  const chosenPort = port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, ...database.env };
  if (database.env.DATABASE_URL === undefined) delete env.DATABASE_URL;
  Object.assign(env, { PORT: String(chosenPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true' });
  const child = spawn(process.execPath, [compiled.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server = { url: `http://127.0.0.1:${chosenPort}`, port: chosenPort, child, output: () => output };
  await waitForHealth(server);
  return server;
}

async function waitForHealth(server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server stopped at start:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.child.kill('SIGKILL');
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

/** SIGKILL: no shutdown handler runs, open transactions are cut off, as in a power cut. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}
