// Booking-rule engine benchmarks (issue 2 §4, issue 15 §5):
//  1. full evaluation of 1,000,000 generated pages: the lazy bulk path (`decideAll`: state, acceptance and eligible
//     hosts of every page; reasons, plan and warnings built on demand) against the eager `evaluateAll` of the same
//     world — pages/s on one core, time for 1M, heap per page;
//  2. one connection change through the incremental index versus a full recompute (median ratio),
//     checking that both give identical results.
import {
  type BookingPageEvaluation,
  BookingRulesIndex,
  type ConnectionInput,
  decideAll,
  evaluateAll,
  evaluationsEqual,
  groupConnectionsByUser,
} from '@tsunagi/booking-rules';
import { generateWorld, referenceEvaluate, seededRandom } from '@tsunagi/booking-rules/testing';
import { check, fmt, gc, heapUsed, median, printTable, timeMs } from './report.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 1_000_000);
const INDEX_CHANGES = Number(process.env.BENCH_INDEX_CHANGES ?? 2_000);
const FULL_RECOMPUTES = Number(process.env.BENCH_FULL_RECOMPUTES ?? 5);

gc();
const heapBeforeWorld = heapUsed();
const { result: world, ms: generateMs } = timeMs(() => generateWorld({ pages: PAGES, seed: 20261121 }));
gc();
const heapWorld = heapUsed() - heapBeforeWorld;
console.log(
  `world: ${fmt(world.pages.length)} pages, ${fmt(world.users.length)} users, ${fmt(world.connections.length)} connections (generated in ${fmt(generateMs)} ms)`,
);

// 1. Full evaluation. Warm up on a slice so the JIT has seen the code, then time the whole world: the lazy path
// first (the figure the target is about), then the eager one as the baseline.
decideAll(world.pages.slice(0, 20_000), world.connections);
evaluateAll(world.pages.slice(0, 20_000), world.connections);
gc();
const heapBeforeDecisions = heapUsed();
const { result: decisions, ms: lazyMs } = timeMs(() => decideAll(world.pages, world.connections));
gc();
const heapDecisions = heapUsed() - heapBeforeDecisions;
const heapBeforeEval = heapUsed();
const { result: evaluations, ms: eagerMs } = timeMs(() => evaluateAll(world.pages, world.connections));
gc();
const heapEvaluations = heapUsed() - heapBeforeEval;

// Both paths agree on every page's state and hosts; the lazy path's materialised evaluations equal the eager ones.
const states = { ACTIVE: 0, DISABLED_CONNECTION_ERROR: 0, INACTIVE: 0 };
check(evaluations.length === PAGES && decisions.length === PAGES, 'one evaluation per page');
for (let p = 0; p < PAGES; p++) {
  const eager = evaluations[p]!;
  states[eager.state]++;
  check(
    decisions.state(p) === eager.state &&
      decisions.acceptingBookings(p) === eager.acceptingBookings &&
      decisions.rule(p) === eager.rule &&
      sameIds(decisions.eligibleHostIds(p), eager.eligibleHostIds),
    `page ${world.pages[p]!.id}: decideAll and evaluateAll differ`,
  );
}
check(states.DISABLED_CONNECTION_ERROR > 0 && states.ACTIVE > 0, 'the world has active and disabled pages');
const perPageBytes = (heapWorld + heapDecisions) / PAGES;

// Both agree with the plain reference evaluator (written straight from DESIGN §2) on a sample, where the lazy
// path materialises each page's evaluation.
const byUser = groupConnectionsByUser(world.connections);
const SAMPLE = Math.min(PAGES, 20_000);
for (let p = 0; p < SAMPLE; p++) {
  const page = world.pages[p]!;
  const own = [...new Set([...page.memberIds, page.ownerId])].flatMap((user) => byUser.get(user) ?? []);
  const reference = referenceEvaluate(page, own);
  const eager = evaluations[p]!;
  check(evaluationsEqual(decisions.evaluation(p), eager), `page ${page.id}: materialised evaluation differs`);
  check(
    eager.state === reference.state &&
      JSON.stringify([eager.reasons, eager.eligibleHostIds, eager.usableLocationIds]) ===
        JSON.stringify([reference.reasons, reference.eligibleHostIds, reference.usableLocationIds]),
    `page ${page.id} differs from the reference evaluator`,
  );
}

// 2. Incremental index versus full recompute.
const index = new BookingRulesIndex({ pages: world.pages, connections: world.connections });
const random = seededRandom(7);
const connections = [...world.connections];
const flip = (c: ConnectionInput): ConnectionInput => ({
  ...c,
  status: c.status === 'ERROR' ? 'CONNECTED' : c.status === 'CONNECTED' ? 'ERROR' : 'CONNECTED',
});

const indexTimes: number[] = [];
let changedPages = 0;
for (let i = 0; i < INDEX_CHANGES; i++) {
  const at = Math.floor(random() * connections.length);
  const next = flip(connections[at]!);
  connections[at] = next;
  const { result: changes, ms } = timeMs(() => index.applyConnectionChange(next));
  indexTimes.push(ms);
  changedPages += changes.length;
}

// The full recompute baseline: apply one more change, evaluate the whole world again, and check that the pages
// whose evaluation differs are exactly the ones the index reported, with identical evaluations.
const fullTimes: number[] = [];
const lazyFullTimes: number[] = [];
let previous: BookingPageEvaluation[] = evaluateAll(world.pages, connections);
for (let i = 0; i < FULL_RECOMPUTES; i++) {
  const at = Math.floor(random() * connections.length);
  const next = flip(connections[at]!);
  connections[at] = next;
  const reported = index.applyConnectionChange(next);
  lazyFullTimes.push(timeMs(() => decideAll(world.pages, connections)).ms);
  const { result: full, ms } = timeMs(() => evaluateAll(world.pages, connections));
  fullTimes.push(ms);
  const differing = new Set<string>();
  for (let p = 0; p < full.length; p++) {
    if (!evaluationsEqual(full[p]!, previous[p]!)) differing.add(world.pages[p]!.id);
  }
  check(
    reported.length === differing.size,
    `index reported ${reported.length} changed pages, full recompute ${differing.size}`,
  );
  for (const change of reported) {
    check(differing.has(change.pageId), `index reported ${change.pageId} which did not change`);
    check(
      change.after !== null && evaluationsEqual(change.after, index.getEvaluation(change.pageId)!),
      'stored evaluation',
    );
  }
  previous = full;
}
// Finally, every evaluation the index holds equals the full recompute.
for (let p = 0; p < world.pages.length; p++) {
  check(
    evaluationsEqual(index.getEvaluation(world.pages[p]!.id)!, previous[p]!),
    `index equals full evaluation at page ${p}`,
  );
}

const indexMedian = median(indexTimes);
const fullMedian = median(fullTimes);
const lazyFullMedian = median(lazyFullTimes);
const ratio = fullMedian / indexMedian;
const lazyRatio = lazyFullMedian / indexMedian;
const rate = PAGES / (lazyMs / 1000);
const timeFor1M = (ms: number) => (ms * 1_000_000) / PAGES;
const eagerRate = PAGES / (eagerMs / 1000);
printTable(`booking-rules (${fmt(PAGES)} pages)`, [
  [
    'full evaluation, lazy (decideAll): 1M pages',
    `${fmt(timeFor1M(lazyMs))} ms`,
    '≤ 1,000 ms',
    timeFor1M(lazyMs) <= 1000 ? 'yes' : 'NO',
  ],
  [
    'full evaluation, lazy: rate (one core)',
    `${fmt(rate)} pages/s`,
    '≥ 1,000,000 pages/s',
    rate >= 1e6 ? 'yes' : 'NO',
  ],
  ['full evaluation, eager (evaluateAll): 1M pages', `${fmt(timeFor1M(eagerMs))} ms`, 'baseline', ''],
  ['full evaluation, eager: rate', `${fmt(eagerRate)} pages/s`, '', ''],
  ['ratio eager / lazy', `${fmt(eagerMs / lazyMs, 2)}×`, '', ''],
  ['heap: world', `${fmt(heapWorld / PAGES)} B/page`, '', ''],
  ['heap: lazy decisions', `${fmt(heapDecisions / PAGES)} B/page`, '', ''],
  ['heap: eager evaluations', `${fmt(heapEvaluations / PAGES)} B/page`, '', ''],
  [
    'heap: world + lazy decisions',
    `${fmt(perPageBytes)} B/page`,
    '≤ 1,024 B/page',
    perPageBytes <= 1024 ? 'yes' : 'NO',
  ],
  ['heap: world + eager evaluations', `${fmt((heapWorld + heapEvaluations) / PAGES)} B/page`, '', ''],
  [
    'pages: active / disabled / inactive',
    `${fmt(states.ACTIVE)} / ${fmt(states.DISABLED_CONNECTION_ERROR)} / ${fmt(states.INACTIVE)}`,
    '',
    '',
  ],
  [
    'index change, median',
    `${fmt(indexMedian * 1000, 1)} µs (${fmt(changedPages / INDEX_CHANGES, 2)} pages changed/change)`,
    '',
    '',
  ],
  ['full recompute (evaluateAll), median', `${fmt(fullMedian)} ms`, '', ''],
  ['full recompute (decideAll), median', `${fmt(lazyFullMedian)} ms`, '', ''],
  ['ratio full (evaluateAll) / index', `${fmt(ratio)}×`, '≥ 10,000×', ratio >= 10_000 ? 'yes' : 'NO'],
  ['ratio full (decideAll) / index', `${fmt(lazyRatio)}×`, '≥ 10,000×', lazyRatio >= 10_000 ? 'yes' : 'NO'],
  ['identical results', 'yes (checked)', 'identical', 'yes'],
  ['process peak RSS', `${fmt(process.resourceUsage().maxRSS / 1024)} MiB`, '', ''],
]);

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
