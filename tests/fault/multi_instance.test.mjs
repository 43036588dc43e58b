// Several stateless servers on one PostgreSQL behind nginx (issue 10): two
// `spiraal serve` instances and nginx on loopback; a mixed stream of API
// reads and writes through the proxy; one instance killed with SIGKILL in
// the middle. Afterwards the browser session made before the kill still
// works, every write that got its 201 is stored, and the error rate after
// the fail-over is reported (and bounded by the requests that were in
// flight on the killed instance).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dir, pgUrl, prepare, startServer, killed, track, freePort, storedContacts, cleanup } from './support.mjs';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const phaseMs = Number(process.env.SPIRAAL_PHASE_MS || 2500);

// nginx in the foreground with a private prefix, balancing over `ports`.
// A refused connection is retried on the other instance (for writes too:
// nothing reached the dead one); an instance that failed rests 10 s.
async function startNginx(ports) {
  const prefix = join(dir, 'nginx');
  mkdirSync(prefix, { recursive: true });
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  upstream spiraal {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://spiraal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`);
  const child = track(spawn(nginx, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { stdio: 'ignore' }));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
    try { await fetch(base + '/healthz'); return { child, base }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('nginx did not come up');
}

// Logs in through the form like a browser (the form's CSRF token and its
// cookie first); returns the session cookie.
async function login(base, username, password) {
  const form = await fetch(base + '/login');
  const loginCookie = (form.headers.get('set-cookie') || '').split(';')[0];
  const token = (await form.text()).match(/name="_csrf" value="([0-9a-f]+)"/)[1];
  const r = await fetch(base + '/login', {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
    body: new URLSearchParams({ _csrf: token, username, password, next: '/' }),
  });
  assert.equal(r.status, 303, 'log-in through the proxy');
  const cookie = (r.headers.get('set-cookie') || '').split(';')[0];
  assert.match(cookie, /^spiraal_session=/);
  return cookie;
}

after(cleanup);

test('two instances behind nginx: one killed mid-run; the session and every acknowledged write survive',
  { skip: (!pgUrl && 'SPIRAAL_TEST_PG_URL not set') || (!nginx && 'nginx is not installed') }, async () => {
    const setup = prepare('postgres', { jobseekers: 40 });
    const serveArgs = ['--trusted-proxy', '127.0.0.1'];
    const a = await startServer(setup, serveArgs);
    const b = await startServer(setup, serveArgs);
    const proxy = await startNginx([a.port, b.port]);
    try {
      const cookie = await login(proxy.base, 'coach', 'spiraal-demo');
      const page = await fetch(proxy.base + '/caseload', { headers: { Cookie: cookie }, redirect: 'manual' });
      assert.equal(page.status, 200, 'the caseload through the proxy');

      const headers = { Authorization: `Bearer ${setup.token}`, 'Content-Type': 'application/json' };
      const list = await (await fetch(proxy.base + '/api/v1/jobseekers?limit=40', { headers })).json();
      const ids = list.items.map((j) => j.id);
      assert.ok(ids.length >= 10);

      // 6 clients: 4 readers (dossier, contacts), 2 writers (contacts).
      let phase = 'both';
      const tally = { both: { ok: 0, failed: 0 }, one: { ok: 0, failed: 0 } };
      const acked = [];
      let stop = false;
      const client = async (k) => {
        for (let n = 0; !stop; n++) {
          const jobseeker = ids[(k * 7 + n) % ids.length];
          const at = phase;
          try {
            let r;
            if (k < 2) {
              r = await fetch(`${proxy.base}/api/v1/jobseekers/${jobseeker}/contacts`, {
                method: 'POST', headers,
                body: JSON.stringify({ date: '2026-11-01', kind: 'phone', status: 'held', initiative: 'coach',
                                       note: `client ${k} #${n}` }),
              });
              if (r.status === 201) acked.push((await r.json()).id);
              else await r.arrayBuffer();
            } else {
              r = await fetch(`${proxy.base}/api/v1/jobseekers/${jobseeker}${n % 2 ? '/contacts?limit=20' : ''}`, { headers });
              await r.arrayBuffer();
            }
            if (r.status < 400) tally[at].ok++; else tally[at].failed++;
          } catch { tally[at].failed++; }
        }
      };
      const clients = [0, 1, 2, 3, 4, 5].map(client);
      await new Promise((r) => setTimeout(r, phaseMs));
      phase = 'one';
      await killed(a.child);
      await new Promise((r) => setTimeout(r, phaseMs));
      stop = true;
      await Promise.all(clients);

      // The session made before the kill still opens the caseload.
      const again = await fetch(proxy.base + '/caseload', { headers: { Cookie: cookie }, redirect: 'manual' });
      assert.equal(again.status, 200, 'the session survives the instance it was made on');
      // Every acknowledged write is stored.
      const stored = await storedContacts(proxy.base, headers, ids);
      const lost = acked.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], 'acknowledged writes lost after the fail-over');

      const rate = (t) => t.ok / (phaseMs / 1000);
      const errorRate = tally.one.failed / Math.max(1, tally.one.ok + tally.one.failed);
      console.log(`behind nginx, 6 clients: ${rate(tally.both).toFixed(0)} req/s with 2 instances, ` +
                  `${rate(tally.one).toFixed(0)} req/s after one was killed; ${acked.length} writes acknowledged, 0 lost; ` +
                  `errors after the fail-over: ${tally.one.failed} of ${tally.one.ok + tally.one.failed} ` +
                  `(${(100 * errorRate).toFixed(2)}%)`);
      assert.ok(tally.both.ok > 0 && tally.one.ok > 0, 'requests were served before and after the kill');
      // Only requests already sent to the killed instance can fail: at most one per client.
      assert.ok(tally.one.failed <= 6, `${tally.one.failed} errors after the fail-over`);
    } finally {
      await killed(proxy.child, 'SIGQUIT');
      await killed(a.child);
      await killed(b.child);
    }
  });
