/** Child processes for crash tests: the hub CLI, a hub server, a desk running a sync. All bind 127.0.0.1 and die with the test. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after } from 'node:test';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function hubCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = spawnSync(process.execPath, ['bin/backdesk-hub.mjs', ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (out.status !== 0) throw new Error(`backdesk-hub ${args.join(' ')} failed: ${out.stdout}${out.stderr}`);
  return out.stdout;
}

/** The last line of CLI output that looks like a secret or code (the CLIs print them indented). */
export const printedSecret = (out: string) => out.split('\n').map((l) => l.trim()).filter((l) => /^[A-Za-z0-9_-]{16,}$|^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(l)).pop()!;

const children = new Set<ChildProcess>();
after(() => children.forEach((c) => c.kill('SIGKILL')));

export async function startHubProcess(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/backdesk-hub.mjs', 'serve', '--data-dir', dataDir, '--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the hub did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/desk-sync-child.ts', dataDir, String(pageSize), String(pushBatch)], { stdio: ['ignore', 'pipe', 'pipe'] });
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
