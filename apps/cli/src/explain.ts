import { parseArgs } from 'node:util';
import type { Provider, ProviderErrorClassification, ProviderFailureInput } from '@tsunagi/errors';
import { classifyProviderError, describeClassification, PROVIDERS } from '@tsunagi/errors';
import { type CliIo, CliUsageError } from './io.js';
import { parseLocale } from './locale.js';

export const EXPLAIN_USAGE = `tsunagi explain --provider <source> [--status N] [--header "Name: value"]...
                [--body TEXT | --body - | --body-file PATH] [--error-code CODE] [--endpoint URL]
                [--locale en|ja|it|pl] [--json]

  Classifies one provider failure and prints what it means and how to fix it.
  <source>: ${PROVIDERS.join(' | ')}`;

export async function runExplain(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      provider: { type: 'string' },
      status: { type: 'string' },
      header: { type: 'string', multiple: true },
      body: { type: 'string' },
      'body-file': { type: 'string' },
      'error-code': { type: 'string' },
      endpoint: { type: 'string' },
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const locale = parseLocale(values.locale);
  const input: ProviderFailureInput = { provider: parseProvider(values.provider) };
  if (values.status !== undefined) input.status = parseStatus(values.status);
  if (values.header) input.headers = parseHeaders(values.header);
  if (values.body !== undefined && values['body-file'] !== undefined) {
    throw new CliUsageError('give either --body or --body-file, not both');
  }
  if (values.body === '-') input.body = await io.readStdin();
  else if (values.body !== undefined) input.body = values.body;
  else if (values['body-file'] !== undefined) input.body = await readBodyFile(io, values['body-file']);
  if (values['error-code'] !== undefined) input.errorCode = values['error-code'];
  if (values.endpoint !== undefined) input.endpoint = values.endpoint;

  const classification = classifyProviderError(input);
  const text = describeClassification(classification, locale);
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...classification, locale, ...text }, null, 2)}\n`);
  } else {
    io.stdout(formatClassification(classification, text));
  }
  return 0;
}

function parseProvider(value: string | undefined): Provider {
  if (value === undefined) throw new CliUsageError(`--provider is required (${PROVIDERS.join(', ')})`);
  const found = PROVIDERS.find((source) => source === value);
  if (!found) throw new CliUsageError(`unknown provider "${value}": use one of ${PROVIDERS.join(', ')}`);
  return found;
}

function parseStatus(value: string): number {
  const status = Number(value);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new CliUsageError(`--status must be an HTTP status between 100 and 599, got "${value}"`);
  }
  return status;
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new CliUsageError(`--header must look like "Name: value", got "${line}"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

async function readBodyFile(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch {
    throw new CliUsageError(`cannot read --body-file "${path}"`);
  }
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export function formatClassification(
  c: ProviderErrorClassification,
  text: { title: string; remediation: string },
): string {
  const rows: [string, string][] = [
    ['code', c.code],
    ['action', c.action],
    ['retryable', yesNo(c.retryable)],
    ['connection broken', yesNo(c.connectionBroken)],
  ];
  if (c.retryAfterSeconds !== undefined) rows.push(['retry after', `${c.retryAfterSeconds} s`]);
  if (c.httpStatus !== undefined) rows.push(['http status', String(c.httpStatus)]);
  if (c.providerReason !== undefined) rows.push(['provider reason', c.providerReason]);
  rows.push(['message', c.message]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
  return `${c.provider}: ${text.title}\n${table}\n\n  ${text.remediation}\n`;
}
