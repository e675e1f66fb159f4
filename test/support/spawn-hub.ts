/**
 * Runs `backdesk-hub serve` as a child process on 127.0.0.1 and waits until it answers /health: for the
 * sync benchmark and the crash tests, which need the hub in a process of its own.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';

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

export async function spawnHub(opts: {
  dataDir: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  onSpawn?: (c: ChildProcess) => void;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/backdesk-hub.mjs', 'serve', '--data-dir', opts.dataDir, '--port', String(opts.port)], {
    env: { ...process.env, ...opts.env },
    stdio: opts.stdio ?? 'ignore',
  });
  opts.onSpawn?.(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the hub exited with ${child.exitCode ?? child.signalCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${opts.port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the hub did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
