// Shared by the fault tests: a `spiraal` binary, fresh databases with demo
// data, servers started and killed, free ports. Not a test file itself.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const bin = process.env.SPIRAAL_BIN || new URL('../../build/spiraal', import.meta.url).pathname;
export const pgUrl = process.env.SPIRAAL_TEST_PG_URL;
export const dir = mkdtempSync(join(tmpdir(), 'spiraal-fault-'));
const createdDatabases = [];
const children = [];  // every process started, for cleanup()

// Registers a child process for cleanup(); returns it.
export function track(child) {
  children.push(child);
  return child;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export const run = (args) => execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// A new, empty PostgreSQL database on the test cluster; dropped by cleanup().
export function emptyPgDatabase() {
  const name = `spiraal_fault_${process.pid}_${createdDatabases.length}`;
  execFileSync('psql', [pgUrl, '-qc', `CREATE DATABASE ${name}`]);
  createdDatabases.push(name);
  return pgUrl.replace(/\/[^/]*$/, '/' + name);
}

// A fresh database (an SQLite file, or a new PostgreSQL database with its
// own key file) with demo data and an API token for the demo coach.
export function prepare(engine, { jobseekers = 20 } = {}) {
  let db, keyArgs = [];
  if (engine === 'sqlite') {
    db = join(dir, `fault-${randomBytes(4).toString('hex')}.db`);
  } else {
    db = emptyPgDatabase();
    const key = join(dir, `pg-${randomBytes(4).toString('hex')}.key`);
    writeFileSync(key, `f1 ${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    keyArgs = ['--key-file', key];
  }
  run(['demo-data', '--db', db, '--jobseekers', String(jobseekers), ...keyArgs]);
  const token = run(['token', 'create', '--db', db, '--username', 'coach', ...keyArgs]).trim().split('\n').pop();
  return { db, keyArgs, token };
}

// `spiraal serve` on a free port, once /healthz answers.
export async function startServer({ db, keyArgs }, extraArgs = []) {
  const port = await freePort();
  const child = track(spawn(bin, ['serve', '--db', db, '--port', String(port), ...keyArgs, ...extraArgs],
                            { stdio: 'ignore' }));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try { if ((await fetch(base + '/healthz')).ok) return { child, base, port }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('serve did not come up');
}

// Resolves once `child` has ended; at once if it already had (by exit or by
// a signal: a killed child keeps exitCode null and its 'exit' has passed).
export function killed(child, signal = 'SIGKILL') {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill(signal);
  });
}

// Every contact id stored for `ids`, read through `base`, page after page
// (a round can write more to one dossier than a page holds).
export async function storedContacts(base, headers, ids) {
  const stored = new Set();
  for (const jobseeker of ids) {
    for (let offset = 0, total = 1; offset < total; offset += 200) {
      const r = await fetch(`${base}/api/v1/jobseekers/${jobseeker}/contacts?limit=200&offset=${offset}`, { headers });
      const page = await r.json();
      for (const c of page.items) stored.add(c.id);
      total = page.total;
    }
  }
  return stored;
}

export function cleanup() {
  // A test that failed midway may leave a server running; it would keep
  // node's event loop (and so the whole test file) alive.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const name of createdDatabases) {
    try { execFileSync('psql', [pgUrl, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]); } catch { /* gone */ }
  }
  rmSync(dir, { recursive: true, force: true });
}
