/** Child processes for crash tests: the hub CLI, a hub server, a desk running a sync. All bind 127.0.0.1 and die with the test. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { spawnHub } from './spawn-hub.ts';

export { freePort } from './spawn-hub.ts';

export function hubCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = spawnSync(process.execPath, ['bin/backdesk-hub.mjs', ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (out.status !== 0) throw new Error(`backdesk-hub ${args.join(' ')} failed: ${out.stdout}${out.stderr}`);
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

export const startHubProcess = (dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> =>
  spawnHub({
    dataDir,
    port,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    onSpawn: (child) => {
      children.add(child);
      child.once('exit', () => children.delete(child));
    },
  });

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the desk sync child. `killWhen` sees each output line and kills the child with SIGKILL when it
 * returns true; `kill()` does the same from outside.
 */
export function deskSync(dataDir: string, pageSize: number, pushBatch: number, killWhen: (line: string) => boolean = () => false) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/desk-sync-child.ts', dataDir, String(pageSize), String(pushBatch)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let output = '';
  let wasKilled = false;
  const kill = () => {
    wasKilled = true;
    child.kill('SIGKILL');
  };
  const done = new Promise<{ killed: boolean; output: string }>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!wasKilled && chunk.split('\n').some((l) => l && killWhen(l))) kill();
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('exit', (code, signal) => {
      children.delete(child);
      if ((signal === 'SIGKILL' && wasKilled) || code === 0) resolve({ killed: wasKilled, output });
      else reject(new Error(`desk sync exited with ${code ?? signal}: ${output}`));
    });
    child.once('error', reject);
  });
  return { kill, done };
}
