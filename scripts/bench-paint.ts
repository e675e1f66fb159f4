/**
 * What a person sees at size: a demo profile of N complaints (default 100,000; the figure is at
 * 1,000,000) served by `backdesk serve` in its own process, signed in from Debian's Chromium. Prints, per run
 * (the host restarted each time, so the store is opened cold): sign-in click to the inbox's first row
 * painted, of which the part after sign-in completed; then the host's resident memory now and at its peak
 * (VmRSS, VmHWM from /proc) at the first row and after the person has searched, opened a complaint and scrolled.
 * Usage: bench-paint.ts [--rows 100000] [--runs 3] [--keep DIR]
 * With --keep, the profile is made in DIR and kept, and a later run with the same DIR reuses it (a million
 * complaints take twenty minutes or more to make here); its key must be kept too, so run it in a keyring
 * that stays: KEYRING_HOME=DIR-keyring scripts/with-keychain.sh node --import tsx scripts/bench-paint.ts --keep DIR
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { COMPLAINTS_ONLY, fillDemo, type DemoAccount } from '../main/core/demo/profile.ts';
import { systemKeychain } from '../main/core/security/keychain.ts';
import { openStore } from '../main/core/store/open.ts';
import { CHROMIUM } from '../test/support/browser.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: process.env.BENCH_PAINT_ROWS ?? '100000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error('--rows must be a whole number');
const HOST_START_MS = 120_000;

const dataDir = values.keep ?? mkdtempSync(join(tmpdir(), 'backdesk-paint-'));
/** The kept profile's director, beside it (owner-readable, like the demo's own credentials file). */
const KEPT_DIRECTOR = join(dataDir, 'bench-director.json');
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const progress = (line: string) => process.stderr.write(process.stderr.isTTY ? `\r${line}` : '');

async function makeProfile(): Promise<DemoAccount> {
  if (values.keep && existsSync(KEPT_DIRECTOR)) {
    process.stderr.write(`  demo profile: reusing ${dataDir}\n`);
    return JSON.parse(readFileSync(KEPT_DIRECTOR, 'utf8')) as DemoAccount;
  }
  mkdirSync(dataDir, { recursive: true });
  const store = await openStore({ dataDir, keychain: systemKeychain(), demo: true });
  try {
    const started = process.hrtime.bigint();
    const accounts = await fillDemo(store.db, {
      complaints: ROWS,
      others: COMPLAINTS_ONLY,
      customers: Math.max(300, Math.round(ROWS / 50)),
      onProgress: (n) => progress(`  demo profile: ${n.toLocaleString('en')} of ${ROWS.toLocaleString('en')} complaints`),
    });
    process.stderr.write(`\n  demo profile: ${ROWS.toLocaleString('en')} complaints in ${(ms(started) / 1000).toFixed(0)} s\n`);
    const director = accounts.find((a) => a.role === 'director')!;
    if (values.keep) writeFileSync(KEPT_DIRECTOR, JSON.stringify(director), { mode: 0o600 });
    return director;
  } finally {
    store.close();
  }
}

/** `backdesk serve` on a free port; resolves with its one-time launch URL once the host listens. */
function startHost(): Promise<{ child: ChildProcess; launchUrl: string }> {
  const child = spawn(process.execPath, ['bin/backdesk.mjs', 'serve', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start in ${HOST_START_MS} ms:\n${out}`)), HOST_START_MS);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, launchUrl: url });
      }
    });
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident and peak resident memory of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** What a person does after the first page: search, filter, scroll a few pages down, open a complaint. */
async function work(page: Page): Promise<void> {
  const search = page.getByRole('searchbox');
  await search.fill('giao hang');
  await page.getByTestId('result-count').filter({ hasText: /\d/ }).waitFor();
  await search.fill('');
  for (let i = 0; i < 10; i++) await page.keyboard.press('j');
  await page.locator('.row-subject').first().click();
  await page.locator('h2.subject').waitFor();
  await page.locator('.list').hover();
  await page.mouse.wheel(0, 20_000);
  await page.locator('.row-subject').first().waitFor();
}

const director = await makeProfile();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const rows: string[][] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const { child, launchUrl } = await startHost();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(launchUrl);
      await page.getByLabel('Tên đăng nhập').fill(director.username);
      await page.getByLabel('Mật khẩu').fill(director.password);
      const clicked = process.hrtime.bigint();
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      const signedIn = ms(clicked);
      await page.locator('.row-subject').first().waitFor();
      const painted = ms(clicked);
      const first = memoryOf(child.pid!);
      process.stderr.write(`  run ${run}: first row ${painted.toFixed(0)} ms after the click, host RSS ${first.rss.toFixed(0)} MB\n`);
      await work(page);
      const mem = memoryOf(child.pid!);
      rows.push([
        String(run),
        painted.toFixed(0),
        (painted - signedIn).toFixed(0),
        first.rss.toFixed(0),
        mem.rss.toFixed(0),
        mem.peak.toFixed(0),
      ]);
      await context.close();
    } finally {
      await stopHost(child);
    }
  }
} finally {
  await browser.close();
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}

const head = [
  'run',
  'sign-in click → first row (ms)',
  'of which after sign-in (ms)',
  'host RSS at first row (MB)',
  'host RSS after working (MB)',
  'host peak RSS (MB)',
];
console.log(`\nFirst paint and memory, ${ROWS.toLocaleString('en')} complaints (browser host, Chromium)\n`);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
