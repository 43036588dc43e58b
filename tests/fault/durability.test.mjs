// Nothing acknowledged is lost: `spiraal serve` is killed with SIGKILL at a
// random moment during a stream of writes, round after round, on SQLite and
// on PostgreSQL. After every restart each write that got its 201 is there;
// at the end the audit chain verifies and SQLite's integrity check passes.
// Also a backup and restore round trip on PostgreSQL (SQLite's is in
// tests/cli_test.sh).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { dir, pgUrl, run, prepare, startServer, killed, storedContacts, emptyPgDatabase, cleanup } from './support.mjs';

const rounds = Number(process.env.SPIRAAL_KILL_ROUNDS || 20);

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
    const stored = await storedContacts(server.base, headers, ids);
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

after(cleanup);

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
  const target = emptyPgDatabase();
  run(['restore', '--db', target, '--from', file, ...setup.keyArgs]);
  assert.equal(exportOf(target), before);
});
