// Reads what the load script needs from a running server, as the demo
// coach: the dossiers of the coach's caseload, a goal of each where there is
// one, and a complete score-table body (every item of the current set).
// Writes it as a Lua table for bench/load/spiraal.lua.
// Usage: node bench/load/prepare.mjs BASE_URL COACH_TOKEN OUT.lua
import { writeFileSync } from 'node:fs';

const [base, token, out] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${token}` };
const get = async (path) => {
  const r = await fetch(base + path, { headers });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
};

const ids = [];
for (let offset = 0; ; offset += 100) {
  const page = await get(`/api/v1/jobseekers?limit=100&offset=${offset}`);
  ids.push(...page.items.map((j) => j.id));
  if (page.items.length < 100 || ids.length >= 400) break;
}
if (!ids.length) throw new Error('the coach has no dossiers');
const goals = [];
for (const id of ids.slice(0, 100)) {
  const g = await get(`/api/v1/jobseekers/${id}/goals`);
  const items = Array.isArray(g) ? g : g.items || [];
  if (items.length) goals.push([id, items[0].id]);
}
const items = await get(`/api/v1/jobseekers/${ids[0]}/score-items`);
const scores = {};
for (const item of (Array.isArray(items) ? items : items.items)) scores[item.code] = { start: 3, now: 5, future: 7 };
const lua = (s) => JSON.stringify(s);  // a JSON string literal is a valid Lua string literal here (ASCII)
writeFileSync(out, `return {
  ids = {${ids.join(', ')}},
  goals = {${goals.map(([j, g]) => `{${j}, ${g}}`).join(', ')}},
  scores = ${lua(JSON.stringify(scores))},
}
`);
console.error(`prepare: ${ids.length} dossiers, ${goals.length} with a goal, ${Object.keys(scores).length} score items`);
