// Classification throughput on the corpus of real provider wire bodies (issue 2 §4), with the ratio to
// JSON.parse of the same bodies as the baseline. Every classification is checked against the corpus first.
import { classifyProviderError } from '@tsunagi/errors';
import { wireCases } from '@tsunagi/errors/testing';
import { check, fmt, median, printTable, timeMs } from './report.js';

const ROUNDS = Number(process.env.BENCH_CLASSIFY_ROUNDS ?? 2_000);
const REPEATS = 7;

for (const wireCase of wireCases) {
  const got = classifyProviderError(wireCase.input, { now: wireCase.now });
  check(
    got.code === wireCase.expected.code,
    `${wireCase.name}: expected ${wireCase.expected.code}, got ${got.code}`,
  );
  check(got.action === wireCase.expected.action, `${wireCase.name}: expected ${wireCase.expected.action}`);
}

const inputs = wireCases.map((wireCase) => wireCase.input);
const bodies = inputs.map((input) => input.body ?? '');
let sink = 0;

function parseAll(): void {
  for (const body of bodies) {
    try {
      sink += JSON.parse(body) === null ? 0 : 1;
    } catch {
      sink += 2;
    }
  }
}
function classifyAll(): void {
  for (const input of inputs) sink += classifyProviderError(input).retryable ? 1 : 0;
}
function rounds(fn: () => void): number {
  return timeMs(() => {
    for (let i = 0; i < ROUNDS; i++) fn();
  }).ms;
}

rounds(parseAll);
rounds(classifyAll);
const parseTimes: number[] = [];
const classifyTimes: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  parseTimes.push(rounds(parseAll));
  classifyTimes.push(rounds(classifyAll));
}
const casesPerRun = inputs.length * ROUNDS;
const parseRate = casesPerRun / (median(parseTimes) / 1000);
const classifyRate = casesPerRun / (median(classifyTimes) / 1000);
const jsonBodies = bodies.filter((body) => body.trimStart().startsWith('{')).length;
printTable(
  `classification (${inputs.length} real wire cases, ${jsonBodies} JSON bodies, ${fmt(ROUNDS)} rounds)`,
  [
    ['classifyProviderError', `${fmt(classifyRate)} cases/s`, '', ''],
    ['baseline JSON.parse', `${fmt(parseRate)} bodies/s`, '', ''],
    [
      'ratio classify / JSON.parse',
      `${fmt(classifyRate / parseRate, 2)}×`,
      'report',
      sink > 0 ? 'yes' : 'NO',
    ],
  ],
);
