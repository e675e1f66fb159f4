/** The main thread's side of page-worker.ts: sends a page, resolves when it is committed. */
import { Worker } from 'node:worker_threads';
import type { Store } from '../store/open.ts';
import type { PageMessage } from './page-worker.ts';

// From the build the worker is page-worker.js. From sources (tsx) it is the .ts file, and a worker thread
// does not inherit tsx's loader: a two-line bootstrap registers it inside the worker first.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(fromSource ? './page-worker.ts' : './page-worker.js', import.meta.url);
const tsxBootstrap = () =>
  new URL(
    `data:text/javascript,${encodeURIComponent(
      `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(WORKER_URL.href)});`,
    )}`,
  );

export class PageApplier {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(store: Store) {
    this.worker = new Worker(fromSource ? tsxBootstrap() : WORKER_URL, { workerData: store.connectionSpec() });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; ok: boolean; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve();
      else w?.reject(new Error(m.error));
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the page worker stopped (${code})`)));
  }

  apply(page: Omit<PageMessage, 'id'>): Promise<void> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...page } satisfies PageMessage);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
