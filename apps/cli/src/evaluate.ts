import { parseArgs } from 'node:util';
import type { BookingPageEvaluation, BookingPageInput, ConnectionInput } from '@tsunagi/booking-rules';
import { evaluateBookingPage } from '@tsunagi/booking-rules';
import { z } from 'zod';
import { type CliIo, CliUsageError } from './io.js';

export const EVALUATE_USAGE = `tsunagi evaluate [FILE | -] [--json]

  Reads {"page": {...}, "connections": [...]} (or {"pages": [...], "connections": [...]})
  and prints each page's state, reasons, remediation plan and eligible hosts.`;

const id = z.string().min(1).max(200);
const connectionSchema = z.object({
  id,
  userId: id,
  provider: z.enum(['GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR', 'EXCHANGE', 'ZOOM', 'MICROSOFT_TEAMS']),
  status: z.enum(['CONNECTED', 'ERROR', 'DISCONNECTED']),
});
const pageSchema = z.object({
  id,
  ownerId: id,
  memberIds: z.array(id).min(1),
  mode: z.enum(['ALL_MEMBERS', 'ANY_MEMBER']),
  roundRobin: z.boolean().default(false),
  enabled: z.boolean().default(true),
  locations: z
    .array(
      z.object({
        id,
        type: z.enum(['ZOOM', 'MICROSOFT_TEAMS', 'GOOGLE_MEET', 'IN_PERSON', 'PHONE', 'CUSTOM_URL']),
      }),
    )
    .default([]),
});
const singlePageSchema = z.object({ page: pageSchema, connections: z.array(connectionSchema) });
const pageListSchema = z.object({ pages: z.array(pageSchema), connections: z.array(connectionSchema) });

export interface EvaluatedPage {
  readonly page: BookingPageInput;
  readonly evaluation: BookingPageEvaluation;
}

export function parseWorld(text: string): { pages: BookingPageInput[]; connections: ConnectionInput[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliUsageError('input is not valid JSON');
  }
  const hasPageList = typeof json === 'object' && json !== null && 'pages' in json;
  const parsed = (hasPageList ? pageListSchema : singlePageSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'input';
    throw new CliUsageError(`invalid input at ${where}: ${issue?.message ?? 'unexpected shape'}`);
  }
  const world = parsed.data;
  return { pages: 'page' in world ? [world.page] : world.pages, connections: world.connections };
}

export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new CliUsageError('give at most one input file');
  const source = positionals[0] ?? '-';
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await io.readFile(source);
  } catch {
    throw new CliUsageError(`cannot read "${source}"`);
  }
  const { pages, connections } = parseWorld(text);
  const results: EvaluatedPage[] = pages.map((page) => ({
    page,
    evaluation: evaluateBookingPage(page, connections),
  }));
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        results.map(({ page, evaluation }) => ({ ...evaluation, pageId: page.id })),
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(results.map(formatEvaluation).join('\n'));
  }
  return 0;
}

const list = (items: readonly string[]): string => (items.length ? items.join(', ') : '—');

export function formatEvaluation({ page, evaluation }: EvaluatedPage): string {
  const lines = [
    `page ${page.id} (${page.mode}${page.roundRobin ? ', round robin' : ''}): ${evaluation.state}` +
      (evaluation.acceptingBookings ? ' — accepting bookings' : ' — not accepting bookings'),
  ];
  if (evaluation.reasons.length) {
    lines.push('  reasons:');
    for (const reason of evaluation.reasons) {
      const who = reason.userId ? ` user ${reason.userId}` : '';
      lines.push(`    - ${reason.kind}${who}: connections ${list(reason.connectionIds)}`);
    }
  }
  if (evaluation.plan.length) {
    lines.push('  to re-enable, do every step:');
    evaluation.plan.forEach((step, stepIndex) => {
      lines.push(`    step ${stepIndex + 1}, any one of:`);
      step.options.forEach((option, optionIndex) => {
        const actions = option.actions.map((action) =>
          [action.kind, action.connectionId, action.userId].filter(Boolean).join(' '),
        );
        lines.push(`      ${String.fromCharCode(97 + (optionIndex % 26))}) ${actions.join(' + ')}`);
      });
    });
  }
  lines.push(`  eligible hosts: ${list(evaluation.eligibleHostIds)}`);
  lines.push(`  usable locations: ${list(evaluation.usableLocationIds)}`);
  for (const warning of evaluation.warnings)
    lines.push(`  warning ${warning.kind}: ${list(warning.userIds)}`);
  return `${lines.join('\n')}\n`;
}
