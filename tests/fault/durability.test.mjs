// Nothing acknowledged is lost: `spiraal serve` is killed with SIGKILL at a
// random moment during a stream of writes, round after round, on SQLite and
// on PostgreSQL. After every restart each write that got its 201 is there;
// at the end the audit chain verifies and SQLite's integrity check passes.
// Also a backup and restore round trip on PostgreSQL (SQLite's is in
// tests/cli_test.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const bin = process.env.SPIRAAL_BIN || new URL('../../build/spiraal', import.meta.url).pathname;
const pgUrl = process.env.SPIRAAL_TEST_PG_URL;
const rounds = Number(process.env.SPIRAAL_KILL_ROUNDS || 20);
const dir = mkdtempSync(join(tmpdir(), 'spiraal-fault-'));
const createdDatabases = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const run = (args) => execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// A fresh database (an SQLite file, or a new PostgreSQL database) with demo
// data and an API token for the demo coach.
function prepare(engine) {
  let db, keyArgs = [];
  if (engine === 'sqlite') {
    db = join(dir, 'fault.db');
  } else {
    const name = `spiraal_fault_${process.pid}_${createdDatabases.length}`;
    execFileSync('psql', [pgUrl, '-qc', `CREATE DATABASE ${name}`]);
    createdDatabases.push(name);
    db = pgUrl.replace(/\/[^/]*$/, '/' + name);
    const key = join(dir, 'pg.key');
    writeFileSync(key, `f1 ${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    keyArgs = ['--key-file', key];
  }
  run(['demo-data', '--db', db, '--jobseekers', '20', ...keyArgs]);
  const token = run(['token', 'create', '--db', db, '--username', 'coach', ...keyArgs]).trim().split('\n').pop();
  return { db, keyArgs, token };
}

async function startServer({ db, keyArgs }) {
  const port = await freePort();
  const child = spawn(bin, ['serve', '--db', db, '--port', String(port), ...keyArgs], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try { if ((await fetch(base + '/healthz')).ok) return { child, base }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('serve did not come up');
}

function killed(child) {
  return new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); });
}

async function killRounds(engine) {
  const setup = prepare(engine);
  const headers = { Authorization: `Bearer ${setup.token}`, 'Content-Type': 'application/json' };
  let server = await startServer(setup);
  const list = await (await fetch(server.base + '/api/v1/jobseekers?limit=10', { headers })).json();
  const ids = list.items.map((j) => j.id);
  assert.ok(ids.length > 0);
  const acked = [];
  let attempted = 0;
  for (let round = 0; round < rounds; round++) {
    let stop = false;
    const writer = async (w) => {
      for (let n = 0; !stop; n++) {
        const jobseeker = ids[(w + n) % ids.length];
        attempted++;
        try {
          const r = await fetch(`${server.base}/api/v1/jobseekers/${jobseeker}/contacts`, {
            method: 'POST', headers,
            body: JSON.stringify({ date: '2026-11-01', kind: 'phone', status: 'held', initiative: 'coach',
                                   note: `round ${round} writer ${w} #${n}` }),
          });
          if (r.status === 201) acked.push({ jobseeker, id: (await r.json()).id, round });
          else if (r.status >= 500) stop = true;
        } catch { stop = true; }  // the server is gone: this write was never acknowledged
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
    await killed(server.child);
    stop = true;
    await Promise.all(writers);
    server = await startServer(setup);
    // Every contact now stored, one page per jobseeker (newest first).
    const stored = new Set();
    for (const jobseeker of ids) {
      const r = await fetch(`${server.base}/api/v1/jobseekers/${jobseeker}/contacts?limit=200`, { headers });
      for (const c of (await r.json()).items) stored.add(c.id);
    }
    const missing = acked.filter((a) => a.round === round && !stored.has(a.id));
    assert.deepEqual(missing, [], `${engine} round ${round}: acknowledged writes lost after kill -9`);
  }
  await killed(server.child);
  assert.match(run(['audit', 'verify', '--db', setup.db, ...setup.keyArgs]), /intact/);
  if (engine === 'sqlite')
    assert.equal(execFileSync('sqlite3', [setup.db, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim(), 'ok');
  console.log(`# kill -9 ${engine}: ${rounds} rounds, ${attempted} writes sent, ${acked.length} acknowledged, 0 lost`);
  return setup;
}

after(() => {
  for (const name of createdDatabases) {
    try { execFileSync('psql', [pgUrl, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]); } catch { /* gone */ }
  }
  rmSync(dir, { recursive: true, force: true });
});

test('kill -9 during a stream of writes loses nothing acknowledged (SQLite)', async () => {
  await killRounds('sqlite');
});

test('kill -9 during a stream of writes loses nothing acknowledged (PostgreSQL)', { skip: !pgUrl && 'SPIRAAL_TEST_PG_URL not set' }, async () => {
  const setup = await killRounds('postgres');
  // Backup and restore round trip into a second database.
  const file = join(dir, 'pg.backup');
  run(['backup', '--db', setup.db, '--to', file, ...setup.keyArgs]);
  const exportOf = (db) => run(['subject', 'export', '--db', db, '--jobseeker', '1', ...setup.keyArgs])
    .split('\n').filter((l) => !l.includes('exported_at')).join('\n');
  const before = exportOf(setup.db);
  const target = prepareEmpty();
  run(['restore', '--db', target, '--from', file, ...setup.keyArgs]);
  assert.equal(exportOf(target), before);
});

function prepareEmpty() {
  const name = `spiraal_fault_${process.pid}_${createdDatabases.length}`;
  execFileSync('psql', [pgUrl, '-qc', `CREATE DATABASE ${name}`]);
  createdDatabases.push(name);
  return pgUrl.replace(/\/[^/]*$/, '/' + name);
}
