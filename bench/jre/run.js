// json-rules-engine baseline: evaluates the catalogue's certificate `requires` rules,
// every level advisor evaluates (translated by bench/export_rules.py), on every profile
// of a JSON Lines file, with advisor's three outcomes: eligible, not_eligible, unknown.
//
// Each level is one rule on E (its event: eligible) and, when it may be unknown, one on
// P ("not ruled out"): eligible when E fires, unknown when only P does, not_eligible
// otherwise (export_rules.py says why this is advisor's logic). Facts are worked out
// per profile in `factsOf` (what does not depend on a rule) and in the engine's facts
// (what a condition's params choose: months of work counted after a certificate, the
// standing of a major against a certificate's related majors...), as advisor's
// evaluator measures them (src/rules/rules.cpp); thresholds are in the conditions.
// Dates are month-granular and jobs follow one another without overlap
// (bench/gen_profiles.py), so work is counted in whole months exactly as advisor does;
// a certificate held for N years is counted to the day. Names are read as ids (the
// generator writes ids), not as advisor's names and aliases.
//
// Two figures: the rules engine's work alone (profiles parsed and their facts worked
// out beforehand, the timed loop is engine.run and the statuses, one profile after
// another on one core), and the same job end to end as advisor batch --command check
// --brief does it (read, parse, facts, rules, one JSON line out per profile: the status
// of every level; advisor's line also carries each level's earliest date and next
// sitting, which this does not work out). Each figure twice: by wall time, and by the
// CPU time the process used (all its threads: V8's helpers included), which a busy
// shared machine does not distort.
// usage: node run.js RULES.json PROFILES.jsonl [CHECK_OUT.jsonl K]
'use strict';
const fs = require('fs');
const readline = require('readline');
const { Engine } = require('json-rules-engine');

const AS_OF = '2026-11-23'; // bench/run passes --as-of 2026-11-23 to advisor and export_rules.py

function parseDate(s) {
  const [y, m, d] = String(s).split('-').map(Number);
  return { y, m, d: d || 1 };
}
const dayKey = (d) => d.y * 10000 + d.m * 100 + d.d;
const monthIndex = (d) => d.y * 12 + (d.m - 1);
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addMonths(d, k) {
  const i = monthIndex(d) + k;
  const y = Math.floor(i / 12), m = (i % 12) + 1;
  return { y, m, d: Math.min(d.d, daysIn(y, m)) };
}
// Whole months from `from` to `to` (months_between in rules.cpp).
function monthsBetween(from, to) {
  let n = (to.y - from.y) * 12 + (to.m - from.m);
  if (n > 0 && dayKey(addMonths(from, n)) > dayKey(to)) n--;
  return Math.max(0, n);
}
// Age in whole years (age_on: one born on 29 February is a year older on 28 February).
function ageOn(b, on) {
  let a = on.y - b.y;
  if (on.m < b.m || (on.m === b.m && on.d < b.d)) a--;
  if (dayKey(addMonths(b, (a + 1) * 12)) <= dayKey(on)) a++;
  return a;
}
// A school year runs from 1 September to 31 August: final year if expected by its end.
function finalYear(expected, on) {
  const y = on.m >= 9 ? on.y : on.y - 1;
  return dayKey(expected) <= (y + 1) * 10000 + 831;
}

function ancestors(id, parent) {
  const out = [];
  for (let k = id, n = 0; k && n < 1000; k = parent[k], n++) out.push(k);
  return out;
}

function prepare(doc) {
  doc.asOf = parseDate(doc.as_of);
  if (doc.as_of !== AS_OF) throw new Error(`rules exported for ${doc.as_of}, not ${AS_OF}`);
  doc.asKey = dayKey(doc.asOf);
  doc.now = monthIndex(doc.asOf);
  doc.index = new Map(doc.levels.map((l, i) => [l.name, i]));
  return doc;
}

function factsOf(p, doc) {
  const asKey = doc.asKey;
  const edu = typeof p.education === 'string' ? { level: p.education } : p.education || {};
  const level = edu.level || '';
  const eduRank = level ? doc.education.indexOf(level) : -1;
  const expected = edu.expected ? parseDate(edu.expected) : null;
  const studying = edu.status === 'in_progress' && (!expected || dayKey(expected) > asKey);
  const majorKnown = !!edu.major && edu.major in doc.major_parent;
  // Certificates and titles obtained by the evaluation date (or undated): held.
  const held = [];
  for (const c of p.certificates || []) {
    const idx = (doc.level_index[c.id] || {})[c.level];
    const date = c.date ? parseDate(c.date) : null;
    if (idx === undefined || (date && dayKey(date) > asKey)) continue;
    held.push({ id: c.id, idx, date });
  }
  const titles = [];
  for (const t of p.titles || []) {
    const date = t.date ? parseDate(t.date) : null;
    if (date && dayKey(date) > asKey) continue;
    titles.push({ rank: doc.title_rank[t.level] ?? -1, major: t.field && t.field in doc.major_parent ? t.field : '', date });
  }
  // Jobs: each with the domains it counts toward (its own and their ancestors).
  const jobs = [];
  const months = { '': 0 };
  const undatedYears = { '': 0 };
  const given = p.experience != null;
  for (const job of p.experience || []) {
    const anc = new Set();
    for (const d of job.domains || []) for (const a of ancestors(d, doc.domain_parent)) anc.add(a);
    if (job.years != null) {
      jobs.push({ years: job.years, anc });
      undatedYears[''] += job.years;
      for (const d of anc) undatedYears[d] = (undatedYears[d] || 0) + job.years;
      continue;
    }
    const s = monthIndex(parseDate(job.start));
    const e = job.end ? monthIndex(parseDate(job.end)) : null;
    jobs.push({ s, e, anc });
    if (s > doc.now) continue; // not started by the evaluation date
    const n = Math.max(0, Math.min(e ?? doc.now, doc.now) - s);
    months[''] += n;
    for (const d of anc) months[d] = (months[d] || 0) + n;
  }
  for (const d in undatedYears) months[d] = (months[d] || 0) + Math.round(undatedYears[d] * 12);
  const skills = new Set();
  for (const s of p.skills || []) for (const a of ancestors(s, doc.skill_parent)) skills.add(a);
  return {
    given: {
      age: p.age != null || p.birth_date != null,
      education: !!level,
      'education.major': !!edu.major,
      experience: given,
      education_or_school: !!level || !!edu.school,
    },
    age: p.birth_date ? ageOn(parseDate(p.birth_date), doc.asOf) : p.age ?? null,
    // a degree in progress: only the levels up to the one it takes to enrol are held
    education_rank: eduRank < 0 ? null : studying ? Math.min(eduRank, doc.enrolment_rank) : eduRank,
    education_level_rank: eduRank,
    major: majorKnown ? edu.major : edu.major ? '?' : '',
    major_ancestors: majorKnown ? ancestors(edu.major, doc.major_parent) : [],
    schools: edu.school ? [edu.school] : doc.schools_at[level] || [],
    class_rank: edu.class ? doc.class_rank[edu.class] ?? -1 : -1,
    study_state: !studying ? 0 : expected && finalYear(expected, doc.asOf) ? 1 : 2,
    months: given ? months : null,
    jobs,
    held,
    titles,
    hours: p.study_hours || {},
    skills,
  };
}

// Where a major (a profile's, or a title's field) stands against a certificate's
// related majors: 2 this, 1 maybe, 0 neither, -1 not a major the catalogue knows.
function standing(major, rel, doc) {
  if (!major || major === '?') return -1;
  const anc = ancestors(major, doc.major_parent);
  if ((rel.this || []).some((m) => anc.includes(m))) return 2;
  if ((rel.maybe || []).some((m) => anc.includes(m))) return 1;
  return 0;
}

// The date work is counted from (`after`): 1 with `from`, held and dated; 0 held
// without a date; -1 not held.
function afterState(f, a) {
  let held = false;
  let since = null;
  if (a.certificate !== undefined) {
    for (const h of f.held)
      if (h.id === a.certificate && h.idx >= a.index) {
        held = true;
        if (h.date && (!since || dayKey(h.date) < dayKey(since))) since = h.date;
      }
  } else {
    for (const t of f.titles)
      if (t.rank >= a.title_rank) {
        held = true;
        if (t.date && (!since || dayKey(t.date) < dayKey(since))) since = t.date;
      }
  }
  return !held ? { state: -1 } : since ? { state: 1, from: monthIndex(since) } : { state: 0 };
}

const counts = (job, set) => set === null || set.some((d) => job.anc.has(d));

// Whole months of the work a set of domains counts (null: all work), from a date on
// (then undated years are left out), or in all.
function workMonths(f, set, from, doc) {
  let n = 0;
  let undated = 0;
  for (const job of f.jobs) {
    if (!counts(job, set)) continue;
    if (job.years != null) {
      if (from === null) undated += job.years;
      continue;
    }
    const s = from === null ? job.s : Math.max(job.s, from);
    if (from !== null && job.e !== null && job.e <= s) continue; // over before the date
    if (s > doc.now) continue;
    n += Math.max(0, Math.min(job.e ?? doc.now, doc.now) - s);
  }
  return n + Math.round(undated * 12);
}

// advisor's outcome of each predicate: 1 eligible, 0 unknown, -1 not eligible.
const YES = 1, UNKNOWN = 0, NO = -1;
const atLeast = (have, need) => (have >= need ? YES : NO);

function experience(f, x, doc) {
  if (!f.given.experience) return UNKNOWN;
  if (x.work === undefined) {
    // by domain (or all work), in whole months; a range's top ends it
    const m = f.months[x.domain] || 0;
    return x.max_months !== undefined && m > x.max_months ? NO : atLeast(m, x.months);
  }
  // in this or a related occupation (`maybe`: unknown), or counted after a date
  let start = null;
  if (x.after !== undefined) {
    const a = afterState(f, doc.afters[x.after]);
    if (a.state < 0) return NO; // not held: a plain fail
    if (a.state === 0) return UNKNOWN; // held, no date to count from
    start = a.from;
  }
  if (workMonths(f, doc.work_sets[x.work], start, doc) >= x.months) return YES;
  const wider = doc.work_sets[x.maybe ?? x.work];
  if (x.maybe !== undefined && workMonths(f, wider, start, doc) >= x.months) return UNKNOWN;
  // undated years cannot be placed after the date: they might count
  if (start !== null && f.jobs.some((j) => j.years > 0 && counts(j, wider))) return UNKNOWN;
  return NO;
}

function holds(f, h, doc) {
  let held = false;
  let since = null;
  for (const c of f.held)
    if (c.id === h.certificate && c.idx >= h.index) {
      held = true;
      if (c.date && (!since || dayKey(c.date) < dayKey(since))) since = c.date;
    }
  if (!held) return NO;
  if (h.min_months === undefined) return YES;
  if (!since) return UNKNOWN; // held for how long: the date is not given
  return atLeast(monthsBetween(since, doc.asOf), h.min_months);
}

// A title of the rank or above (obtained by the evaluation date), in a matching field
// when asked: the best one the profile lists decides.
function title(f, t, doc) {
  let best = NO;
  for (const x of f.titles) {
    if (x.rank < t.rank) continue;
    if (t.majors === undefined) return YES;
    const st = standing(x.major, doc.major_relations[t.majors], doc);
    if (st === 2) return YES;
    if (st !== 0) best = UNKNOWN; // maybe, or a field not given or not known
  }
  return best;
}

function diploma(f, d, doc) {
  if (!f.given.education_or_school) return UNKNOWN;
  let no = false;
  let unclear = false;
  // the school: given, or every school whose diplomas sit at the profile's level
  let match = 0;
  for (const c of f.schools) if (ancestors(c, doc.school_parent).some((s) => d.schools.includes(s))) match++;
  if (match === 0) no = true;
  else if (match < f.schools.length) unclear = true;
  if (d.min_rank !== undefined) {
    if (f.education_level_rank < 0) unclear = true;
    else if (f.education_level_rank < d.min_rank) no = true;
  }
  if (d.min_class !== undefined) {
    if (f.class_rank < 0) unclear = true;
    else if (f.class_rank < d.min_class) no = true;
  }
  if (d.majors !== undefined) {
    const st = f.major === '' ? -2 : standing(f.major, doc.major_relations[d.majors], doc);
    if (st === 0) no = true;
    else if (st !== 2) unclear = true;
  }
  // study_state: 0 not studying, 1 a final-year student, 2 a student further off
  if (d.studying) {
    if (f.study_state === 0) no = true;
  } else if (f.study_state === 2 || (f.study_state === 1 && !d.final_year)) {
    no = true; // not yet: a date will do it, but not today
  }
  if (no) return NO;
  if (unclear || d.assessed) return UNKNOWN; // 经评估论证: never more than unknown
  return YES;
}

function engineFor(doc) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const r of doc.rules) engine.addRule(r);
  // The facts are pure and cheap: caching them (json-rules-engine hashes the params of
  // every call for its cache key) costs more than working one out twice, for E and P.
  const from = (name, fn) =>
    engine.addFact(name, (params, almanac) => almanac.factValue('profile').then((f) => fn(f, params)), { cache: false });
  from('age', (f, a) =>
    f.age === null ? UNKNOWN : (a.min === undefined || f.age >= a.min) && (a.max === undefined || f.age <= a.max) ? YES : NO);
  // a degree in progress: only the levels up to the one it takes to enrol are held
  from('education', (f, e) => (f.education_rank === null ? UNKNOWN : atLeast(f.education_rank, e.rank)));
  from('major', (f, m) =>
    !f.given['education.major'] ? UNKNOWN : m.in.some((x) => f.major_ancestors.includes(x)) ? YES : NO);
  from('experience', (f, x) => experience(f, x, doc));
  from('holds', (f, h) => holds(f, h, doc));
  from('study_hours', (f, s) => atLeast(f.hours[s.certificate] || 0, s.min));
  // "a sub-skill counts": the person's skills were expanded to their ancestors.
  from('skills', (f, s) => atLeast(s.any.filter((x) => f.skills.has(x)).length, s.min));
  from('title', (f, t) => title(f, t, doc));
  from('diploma', (f, d) => diploma(f, d, doc));
  from('confirm', () => UNKNOWN); // no profile field can show it
  return engine;
}

// The status of every level, in catalogue order, from the events of one run.
function statuses(events, doc) {
  const out = doc.levels.map((l) => (l.ruled ? 'not_eligible' : 'eligible'));
  for (const e of events) {
    const i = doc.index.get(e.params.level);
    if (e.type === 'eligible') out[i] = 'eligible';
    else if (out[i] !== 'eligible') out[i] = 'unknown';
  }
  return out;
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
    const st = statuses(events, doc);
    out.push(JSON.stringify({ line: n, results: doc.levels.map((l, i) => ({ certificate: l.certificate, level: l.level, status: st[i] })) }));
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
  const doc = prepare(JSON.parse(fs.readFileSync(rulesPath, 'utf8')));
  const engine = engineFor(doc);
  const profiles = [];
  const rl = readline.createInterface({ input: fs.createReadStream(profilesPath), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) profiles.push(factsOf(JSON.parse(line), doc));
  const k = Number(kArg || 0);
  const check = [];
  let eligible = 0;
  let unknown = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < profiles.length; i++) {
    const { events } = await engine.run({ profile: profiles[i] });
    const st = statuses(events, doc);
    for (const s of st) {
      if (s === 'eligible') eligible++;
      else if (s === 'unknown') unknown++;
    }
    if (i < k) check.push({ line: i + 1, status: Object.fromEntries(doc.levels.map((l, j) => [l.name, st[j]])) });
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  if (checkOut) fs.writeFileSync(checkOut, check.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const e2e = await endToEnd(engine, doc, profilesPath);
  console.log(JSON.stringify({ profiles: profiles.length, levels: doc.levels.length,
                               ruled_levels: doc.levels.filter((l) => l.ruled).length, rules: doc.rules.length,
                               seconds: secs, profiles_per_second: profiles.length / secs,
                               end_to_end_profiles_per_second: e2e.wall,
                               cpu_profiles_per_second: profiles.length / cpuSecs,
                               end_to_end_cpu_profiles_per_second: e2e.cpu, eligible_levels: eligible,
                               unknown_levels: unknown }));
}

main().catch((e) => {
  console.error(e);
  process.exit(70);
});
