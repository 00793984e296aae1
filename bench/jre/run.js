// json-rules-engine baseline: evaluates the catalogue's certificate `requires` rules
// (translated by bench/export_rules.py) on every profile of a JSON Lines file.
// Two figures: the rules engine's work alone (facts precomputed per profile, the timed
// loop is engine.run only, one profile after another on one core), and the same job
// end to end as advisor batch does it (read, parse, facts, rules, one JSON line out).
// Each figure twice: by wall time, and by the CPU time the process used (all its
// threads: V8's helpers included), which a busy shared machine does not distort.
// usage: node run.js RULES.json PROFILES.jsonl [CHECK_OUT.jsonl K]
'use strict';
const fs = require('fs');
const readline = require('readline');
const { Engine } = require('json-rules-engine');

const AS_OF = { year: 2026, month: 11 };  // bench/run passes --as-of 2026-11-23 to advisor

function ancestors(id, parent) {
  const out = [];
  for (let k = id, n = 0; k && n < 1000; k = parent[k], n++) out.push(k);
  return out;
}

function monthIndex(ym) {
  const [y, m] = ym.split('-').map(Number);
  return y * 12 + (m - 1);
}

// Whole months of work per domain (and '' for all work). Jobs are month-granular and
// do not overlap (bench/gen_profiles.py), so summing per domain is the union advisor takes.
function experienceMonths(p, domainParent) {
  const months = { '': 0 };
  const now = AS_OF.year * 12 + (AS_OF.month - 1);
  for (const job of p.experience || []) {
    const s = monthIndex(job.start);
    if (s > now) continue;
    const e = job.end ? Math.min(monthIndex(job.end), now) : now;
    const n = Math.max(0, e - s);
    months[''] += n;
    const seen = new Set();
    for (const d of job.domains || []) for (const a of ancestors(d, domainParent)) seen.add(a);
    for (const d of seen) months[d] = (months[d] || 0) + n;
  }
  return months;
}

function factsOf(p, doc) {
  const holds = {};
  for (const c of p.certificates || []) {
    const idx = (doc.level_index[c.id] || {})[c.level];
    if (idx !== undefined) holds[c.id] = Math.max(holds[c.id] ?? -1, idx);
  }
  const skills = new Set();
  for (const s of p.skills || []) for (const a of ancestors(s, doc.skill_parent)) skills.add(a);
  const edu = p.education ? doc.education.indexOf(p.education.level) : -1;
  return {
    age: p.age,
    education_rank: edu,
    months: experienceMonths(p, doc.domain_parent),
    holds,
    hours: p.study_hours || {},
    major_ancestors: p.education && p.education.major ? ancestors(p.education.major, doc.major_parent) : [],
    skills,
  };
}

function engineFor(doc) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const r of doc.rules) engine.addRule(r);
  const from = (name, fn) => engine.addFact(name, (params, almanac) => almanac.factValue('profile').then((f) => fn(f, params)));
  from('age', (f) => f.age);
  from('education_rank', (f) => f.education_rank);
  from('experience_months', (f, params) => f.months[params.domain] || 0);
  from('holds_rank', (f, params) => f.holds[params.certificate] ?? -1);
  from('study_hours', (f, params) => f.hours[params.certificate] || 0);
  from('major_ancestors', (f) => f.major_ancestors);
  // "a sub-skill counts": the person's skills were expanded to their ancestors.
  from('skill_count', (f, params) => params.skills.filter((s) => f.skills.has(s)).length);
  return engine;
}

// The same job end to end, as advisor batch does it: read the JSON Lines, parse each
// profile, work out its facts, run the rules and write one JSON line per profile.
async function endToEnd(engine, doc, profilesPath) {
  const sink = fs.openSync('/dev/null', 'w');
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const rl = readline.createInterface({ input: fs.createReadStream(profilesPath), crlfDelay: Infinity });
  let n = 0;
  let out = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    n++;
    const { events } = await engine.run({ profile: factsOf(JSON.parse(line), doc) });
    out.push(JSON.stringify({ line: n, eligible: events.map((e) => e.params.level).sort() }));
    if (out.length === 1000) {
      fs.writeSync(sink, out.join('\n') + '\n');
      out = [];
    }
  }
  if (out.length) fs.writeSync(sink, out.join('\n') + '\n');
  fs.closeSync(sink);
  const cpu = process.cpuUsage(cpu0);
  return { wall: n / (Number(process.hrtime.bigint() - t0) / 1e9), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

async function main() {
  const [rulesPath, profilesPath, checkOut, kArg] = process.argv.slice(2);
  const doc = JSON.parse(fs.readFileSync(rulesPath, 'utf8'));
  const engine = engineFor(doc);
  const profiles = [];
  const rl = readline.createInterface({ input: fs.createReadStream(profilesPath), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) profiles.push(factsOf(JSON.parse(line), doc));
  const k = Number(kArg || 0);
  const check = [];
  let eligible = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < profiles.length; i++) {
    const { events } = await engine.run({ profile: profiles[i] });
    eligible += events.length;
    if (i < k) check.push({ line: i + 1, eligible: events.map((e) => e.params.level).sort() });
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  if (checkOut) fs.writeFileSync(checkOut, check.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const e2e = await endToEnd(engine, doc, profilesPath);
  console.log(JSON.stringify({ profiles: profiles.length, rules: doc.rules.length, seconds: secs,
                               profiles_per_second: profiles.length / secs,
                               end_to_end_profiles_per_second: e2e.wall,
                               cpu_profiles_per_second: profiles.length / cpuSecs,
                               end_to_end_cpu_profiles_per_second: e2e.cpu, eligible_levels: eligible }));
}

main().catch((e) => {
  console.error(e);
  process.exit(70);
});
