import type { BookingPageInput, ConnectionInput } from '@tsunagi/booking-rules';
import { applyRemediation, evaluateBookingPage } from '@tsunagi/booking-rules';
import type { ProviderFailureInput } from '@tsunagi/errors';
import { classifyProviderError, describeClassification } from '@tsunagi/errors';
import { formatEvaluation } from './evaluate.js';
import { formatClassification } from './explain.js';
import type { CliIo } from './io.js';
import type { CliLocale } from './locale.js';

/** Wire failures quoted from the providers' documentation (see @tsunagi/errors' corpus for sources). */
const SAMPLE_FAILURES: ProviderFailureInput[] = [
  {
    provider: 'google',
    status: 403,
    body: '{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":403,"message":"Rate Limit Exceeded"}}',
    headers: { 'Retry-After': '2' },
  },
  {
    provider: 'google-oauth',
    status: 400,
    body: '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
  },
  {
    provider: 'google-interop',
    body: 'EWS response error',
    endpoint: 'https://mail.example.com/EWS/Exchange.asmx',
  },
];

const PAGE: BookingPageInput = {
  id: 'page_team_intro',
  ownerId: 'usr_aiko',
  memberIds: ['usr_aiko', 'usr_marco'],
  mode: 'ALL_MEMBERS',
  roundRobin: false,
  enabled: true,
  locations: [{ id: 'loc_zoom', type: 'ZOOM' }],
};
const CONNECTIONS: ConnectionInput[] = [
  { id: 'con_aiko_google', userId: 'usr_aiko', provider: 'GOOGLE_CALENDAR', status: 'CONNECTED' },
  { id: 'con_aiko_zoom', userId: 'usr_aiko', provider: 'ZOOM', status: 'ERROR' },
  { id: 'con_marco_ms', userId: 'usr_marco', provider: 'MICROSOFT_CALENDAR', status: 'ERROR' },
];

/** A short tour: three real provider failures, then a page disabled by them and re-enabled by its plan. */
export function runDemo(io: CliIo, locale: CliLocale): number {
  io.stdout('Tsunagi demo — provider failures, classified\n\n');
  for (const failure of SAMPLE_FAILURES) {
    const classification = classifyProviderError(failure);
    io.stdout(`${formatClassification(classification, describeClassification(classification, locale))}\n`);
  }
  io.stdout('A booking page whose member calendar and owner location are in connection error:\n\n');
  const before = evaluateBookingPage(PAGE, CONNECTIONS);
  io.stdout(`${formatEvaluation({ page: PAGE, evaluation: before })}\n`);

  const firstOptions = before.plan.flatMap((step) => step.options[0]?.actions ?? []);
  const fixed = applyRemediation(PAGE, CONNECTIONS, firstOptions);
  const after = evaluateBookingPage(fixed.page, fixed.connections);
  const applied = firstOptions
    .map((a) => [a.kind, a.connectionId, a.userId].filter(Boolean).join(' '))
    .join(', ');
  io.stdout(`After the first option of every step (${applied}):\n\n`);
  io.stdout(formatEvaluation({ page: fixed.page, evaluation: after }));
  io.stdout('\nTry: tsunagi explain --help · tsunagi evaluate apps/cli/examples/all-members.json\n');
  return 0;
}
