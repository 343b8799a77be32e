// Impact analysis benchmark (issue 14 §1): "what if" questions about one organization of 1,000 booking pages and
// 1,000 users, answered by the engine in memory. Goal: under 10 ms per question. Each question is timed as the
// gateway asks it — an analyzer built from the organization's lists, then one answer — and against a prebuilt
// analyzer; the baseline is evaluating the whole organization from scratch (`evaluateAll`), in the same run.
// Every answer is checked against evaluating the changed organization from scratch.
import {
  analyzeImpact,
  type BookingPageEvaluation,
  evaluateAll,
  ImpactAnalyzer,
  type ImpactChange,
  PROVIDERS,
} from '@tsunagi/booking-rules';
import { applyImpactChange, generateWorld, seededRandom } from '@tsunagi/booking-rules/testing';
import { check, fmt, median, printTable, timeMs } from './report.js';

const PAGES = Number(process.env.BENCH_IMPACT_PAGES ?? 1_000);
const USERS = Number(process.env.BENCH_IMPACT_USERS ?? 1_000);
const QUESTIONS = Number(process.env.BENCH_IMPACT_QUESTIONS ?? 600);
const GOAL_MS = 10;

const world = generateWorld({ pages: PAGES, users: USERS, seed: 20261206 });
console.log(
  `organization: ${fmt(world.pages.length)} pages, ${fmt(world.users.length)} users, ${fmt(world.connections.length)} connections`,
);

// The questions: one user's or a few connections' failure or unlink, a provider failing for the whole
// organization, and the three planned changes — drawn with a fixed seed.
const random = seededRandom(14);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const withLocations = world.pages.filter((p) => p.locations.length > 0);
function question(n: number): ImpactChange {
  const status = random() < 0.5 ? ('ERROR' as const) : ('DISCONNECTED' as const);
  switch (n % 6) {
    case 0:
      return { kind: 'CONNECTIONS', target: { userId: pick(world.users) }, status };
    case 1:
      return {
        kind: 'CONNECTIONS',
        target: { connectionIds: [pick(world.connections).id, pick(world.connections).id] },
        status,
      };
    case 2:
      return { kind: 'CONNECTIONS', target: { provider: pick(PROVIDERS) }, status };
    case 3: {
      const page = pick(world.pages.filter((p) => new Set(p.memberIds).size > 1));
      return { kind: 'REMOVE_MEMBER', pageId: page.id, userId: pick(page.memberIds) };
    }
    case 4:
      return { kind: 'CHANGE_OWNER', pageId: pick(world.pages).id, userId: pick(world.users) };
    default: {
      const page = pick(withLocations);
      return { kind: 'REMOVE_LOCATION', pageId: page.id, locationId: pick(page.locations).id };
    }
  }
}
const questions = Array.from({ length: QUESTIONS }, (_, n) => question(n));

// Answers first: every report equals evaluating the changed organization from scratch.
const before = evaluateAll(world.pages, world.connections);
let disabledSeen = 0;
let shrunkSeen = 0;
for (const change of questions) {
  const result = analyzeImpact(world.pages, world.connections, change);
  check(result.ok, `${JSON.stringify(change)} was refused`);
  if (!result.ok) continue;
  const next = applyImpactChange(world, change);
  const after = evaluateAll(next.pages, next.connections);
  const reported = new Map(result.report.pages.map((p) => [p.pageId, p]));
  world.pages.forEach((page, at) => {
    const impact = reported.get(page.id);
    if (impact === undefined) {
      check(same(after[at]!, before[at]!), `${page.id} changed but is not in the report`);
      return;
    }
    check(same(impact.before, before[at]!), `${page.id}: wrong evaluation before`);
    check(same(impact.after, after[at]!), `${page.id}: wrong evaluation after ${JSON.stringify(change)}`);
  });
  disabledSeen += result.report.counts.DISABLED;
  shrunkSeen += result.report.counts.HOSTS_REDUCED;
}
check(disabledSeen > 0 && shrunkSeen > 0, 'the questions disable pages and shrink pools');

function same(a: BookingPageEvaluation, b: BookingPageEvaluation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Warm up, then time. The baseline: the whole organization evaluated from scratch.
for (let i = 0; i < 50; i++) {
  analyzeImpact(world.pages, world.connections, questions[i % questions.length]!);
  evaluateAll(world.pages, world.connections);
}
const fromScratch: number[] = [];
for (let i = 0; i < 200; i++) fromScratch.push(timeMs(() => evaluateAll(world.pages, world.connections)).ms);
// The same question answered from scratch: the organization evaluated before and after the change (the changed
// lists are built outside the timing).
const scratchAnswer: number[] = [];
for (const change of questions) {
  const next = applyImpactChange(world, change);
  scratchAnswer.push(
    timeMs(() => {
      evaluateAll(world.pages, world.connections);
      evaluateAll(next.pages, next.connections);
    }).ms,
  );
}

const oneShot: number[] = [];
const byKind = new Map<string, number[]>();
for (const change of questions) {
  const { ms } = timeMs(() => analyzeImpact(world.pages, world.connections, change));
  oneShot.push(ms);
  const kind =
    change.kind === 'CONNECTIONS' ? `CONNECTIONS by ${Object.keys(change.target)[0]}` : change.kind;
  byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
}
const build = timeMs(() => new ImpactAnalyzer(world.pages, world.connections));
const analyzer = build.result;
const prebuilt: number[] = [];
for (const change of questions) prebuilt.push(timeMs(() => analyzer.analyze(change)).ms);

const scratchMs = median(fromScratch);
const scratchAnswerMs = median(scratchAnswer);
const oneShotMs = median(oneShot);
const worstKindMs = Math.max(...[...byKind.values()].map(median));
const ratio = (ms: number) =>
  `${fmt(scratchMs / ms, 2)}× one evaluateAll, ${fmt(scratchAnswerMs / ms, 2)}× the from-scratch answer`;
printTable(`impact analysis (${fmt(PAGES)} pages, ${fmt(USERS)} users, ${fmt(QUESTIONS)} questions)`, [
  ['baseline: evaluateAll of the organization, median', `${fmt(scratchMs, 3)} ms`, '', ''],
  [
    'baseline: the question from scratch (evaluateAll before + after), median',
    `${fmt(scratchAnswerMs, 3)} ms`,
    '',
    '',
  ],
  [
    'impact question (analyzer built + answer), median',
    `${fmt(oneShotMs, 3)} ms (${ratio(oneShotMs)})`,
    `< ${GOAL_MS} ms`,
    oneShotMs < GOAL_MS ? 'yes' : 'NO',
  ],
  ...[...byKind].map(([kind, times]): [string, string, string, string] => [
    `  ${kind}, median / max`,
    `${fmt(median(times), 3)} / ${fmt(Math.max(...times), 3)} ms`,
    `< ${GOAL_MS} ms`,
    median(times) < GOAL_MS ? 'yes' : 'NO',
  ]),
  [
    'impact question on a prebuilt analyzer, median',
    `${fmt(median(prebuilt), 3)} ms (${ratio(median(prebuilt))})`,
    '',
    '',
  ],
  ['building the analyzer once', `${fmt(build.ms, 3)} ms`, '', ''],
]);
console.log(
  `\nchecked: ${fmt(QUESTIONS)} answers equal evaluating the changed organization from scratch (${fmt(disabledSeen)} pages disabled, ${fmt(shrunkSeen)} pools shrunk in all); slowest kind ${fmt(worstKindMs, 3)} ms`,
);
