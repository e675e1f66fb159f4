/**
 * Child processes for crash tests: the hub CLI, a hub server, a desk running a sync. All bind 127.0.0.1,
 * use the pass's hub database (see hub.ts), have deadlines, and die with the test file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import type { HubStorage } from './hub.ts';
import { spawnHub } from './spawn-hub.ts';

export { freePort } from './spawn-hub.ts';

export function hubCli(storage: HubStorage, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = spawnSync(process.execPath, ['bin/backdesk-hub.mjs', ...args, '--data-dir', storage.dataDir], {
    encoding: 'utf8',
    env: { ...process.env, ...storage.env, ...env },
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  if (out.status !== 0) throw new Error(`backdesk-hub ${args.join(' ')} failed (${out.status ?? out.signal}): ${out.stdout}${out.stderr}`);
  return out.stdout;
}

/** The last line of CLI output that looks like a secret or code (the CLIs print them indented). */
export const printedSecret = (out: string) =>
  out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Za-z0-9_-]{16,}$|^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(l))
    .pop()!;

const children = new Set<ChildProcess>();
after(() => children.forEach((c) => c.kill('SIGKILL')));

const track = (child: ChildProcess) => {
  children.add(child);
  child.once('exit', () => children.delete(child));
};

/** What a hub process printed last (its pipes are always drained, so a chatty hub never blocks on them). */
const outputs = new WeakMap<ChildProcess, string>();
export const outputOf = (child: ChildProcess) => outputs.get(child) ?? '';

/**
 * `backdesk-hub serve` on the storage given, once it answers /health; fails unless /health names the
 * storage's database, so a hub that quietly ran on PGlite in the PostgreSQL pass cannot pass a test.
 */
export async function startHubProcess(storage: HubStorage, port: number, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const child = await spawnHub({
    dataDir: storage.dataDir,
    port,
    env: { ...storage.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    onSpawn: (c) => {
      track(c);
      const keep = (chunk: string) => outputs.set(c, (outputOf(c) + chunk).slice(-20_000));
      c.stdout!.setEncoding('utf8').on('data', keep);
      c.stderr!.setEncoding('utf8').on('data', keep);
    },
  });
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { database?: string };
  if (health.database !== storage.kind) {
    child.kill('SIGKILL');
    throw new Error(`the hub process reports database ${health.database}; this pass needs ${storage.kind}`);
  }
  return child;
}

function exited(child: ChildProcess, signal: NodeJS.Signals, withinMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const late = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${withinMs} ms of ${signal}: ${outputOf(child)}`));
    }, withinMs);
    child.once('exit', () => (clearTimeout(late), resolve()));
    child.kill(signal);
  });
}

/** SIGKILL, and resolves once the process is gone. */
export const killed = (child: ChildProcess) => exited(child, 'SIGKILL', 10_000);

/** SIGTERM (a clean shutdown: the hub finishes its mail round and closes its database), within 30 s. */
export const stopped = (child: ChildProcess) => exited(child, 'SIGTERM', 30_000);

/**
 * Starts the desk sync child (desk-sync-child.ts). `killWhen` sees each output line and kills the child
 * with SIGKILL when it returns true. The run must end (or be killed) within `withinMs`.
 */
export function deskSync(
  dataDir: string,
  pageSize: number,
  pushBatch: number,
  killWhen: (line: string) => boolean = () => false,
  withinMs = 120_000,
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/desk-sync-child.ts', dataDir, String(pageSize), String(pushBatch)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  track(child);
  let output = '';
  let pending = '';
  let wasKilled = false;
  const kill = () => {
    wasKilled = true;
    child.kill('SIGKILL');
  };
  const done = new Promise<{ killed: boolean; output: string }>((resolve, reject) => {
    const late = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`desk sync did not end within ${withinMs} ms: ${output}`));
    }, withinMs);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      // Whole lines only: a chunk may end in the middle of one.
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      if (!wasKilled && lines.some((l) => l && killWhen(l))) kill();
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('exit', (code, signal) => {
      clearTimeout(late);
      if ((signal === 'SIGKILL' && wasKilled) || code === 0) resolve({ killed: wasKilled, output });
      else reject(new Error(`desk sync exited with ${code ?? signal}: ${output}`));
    });
    child.once('error', reject);
  });
  return { kill, done };
}
