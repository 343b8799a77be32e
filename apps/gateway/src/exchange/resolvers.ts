// Organization-level Exchange (Calendar Interop) settings: read by admins and service tokens, tested
// and saved by admins. The secret is write-only; test reports carry classified, localized errors.
import { INPUT_LIMITS, isEmailAddress, type StoredExchangeReport } from '@tsunagi/db';
import { analyzeExchangeConnection, type ExchangeStep, parseEwsUrl } from '@tsunagi/providers';
import type { ExchangeSettingsInput, Resolvers } from '../__generated__/resolvers-types.js';
import { type GatewayContext, requireAdminOrService } from '../context.js';
import { badInput, forbidden, gatewayError } from '../errors.js';
import { reachOptions, storedReport } from '../providers/exchange.js';
import { checkText } from '../validation.js';

const {
  urlLength: MAX_URL_LENGTH,
  emailLength: MAX_EMAIL_LENGTH,
  secretLength: MAX_SECRET_LENGTH,
  applicationIdLength: MAX_APPLICATION_ID_LENGTH,
} = INPUT_LIMITS;

function requireAdmin(context: GatewayContext, what: string): string {
  const { viewer } = context;
  if (viewer.role !== 'ADMIN') throw forbidden(`${what} is for admins`);
  return viewer.organizationId;
}

interface CheckedInput {
  ewsUrl: string;
  roleAccount: string;
  secret: string;
  applicationId: string | null;
}

/** Length caps (always) and, with `strict`, the URL and email formats. */
function checkInput(input: ExchangeSettingsInput, strict: boolean): CheckedInput {
  const ewsUrl = checkText(input.ewsUrl.trim(), 'input.ewsUrl', MAX_URL_LENGTH);
  const roleAccount = checkText(input.roleAccount.trim(), 'input.roleAccount', MAX_EMAIL_LENGTH);
  const secret = checkText(input.secret, 'input.secret', MAX_SECRET_LENGTH);
  const applicationId = checkText(
    input.applicationId?.trim() || null,
    'input.applicationId',
    MAX_APPLICATION_ID_LENGTH,
  );
  if (secret.length === 0) throw badInput('input.secret is empty', 'input.secret');
  if (strict) {
    const url = parseEwsUrl(ewsUrl);
    if (!url.ok) throw badInput(`input.ewsUrl: ${url.problem}`, 'input.ewsUrl');
    if (!isEmailAddress(roleAccount))
      throw badInput('input.roleAccount is not an email address', 'input.roleAccount');
  }
  return { ewsUrl, roleAccount, secret, applicationId };
}

/**
 * Stores the settings, then probes the organization's EXCHANGE connections with them at once: settings that
 * work bring their pages back now, broken ones stop them now (not at the next scheduled probe).
 */
async function saveAndRecheck(
  context: GatewayContext,
  organizationId: string,
  checked: CheckedInput,
  report: StoredExchangeReport,
) {
  await context.services.exchangeSettings.upsert(organizationId, checked, report);
  return (await context.services.providers.recheckExchange?.(organizationId)) ?? null;
}

/** Runs the analyzer with `settings` against `participant`'s mailbox; the report as it is stored and returned. */
async function analyze(
  context: GatewayContext,
  settings: CheckedInput,
  mailbox: string,
  onStep?: (step: ExchangeStep) => void,
): Promise<StoredExchangeReport> {
  const result = await analyzeExchangeConnection({
    ewsUrl: settings.ewsUrl,
    username: settings.roleAccount,
    password: settings.secret,
    ...(settings.applicationId === null ? {} : { applicationId: settings.applicationId }),
    participant: mailbox,
    ...reachOptions(context.services.exchange),
    ...(onStep === undefined ? {} : { onStep }),
  });
  return storedReport(result);
}

const checkParticipant = (participant: string) =>
  checkText(participant.trim(), 'participant', MAX_EMAIL_LENGTH);

/**
 * `testExchangeConnection`, for the mutation and the live subscription alike: the viewer's rights and the input
 * are checked now (a refusal throws before anything runs); the returned run analyzes, handing each finished step
 * to `onStep`, and with `save` stores the settings and re-probes the organization's Exchange calendars.
 */
export function prepareExchangeTest(
  context: GatewayContext,
  args: { input: ExchangeSettingsInput; participant: string; save?: boolean | null },
): (onStep?: (step: ExchangeStep) => void) => Promise<StoredExchangeReport> {
  const organizationId = requireAdmin(context, 'Testing the Exchange connection');
  const checked = checkInput(args.input, false);
  const mailbox = checkParticipant(args.participant);
  const save = args.save === true;
  return async (onStep) => {
    const report = await analyze(context, checked, mailbox, onStep);
    const rechecked = save ? await saveAndRecheck(context, organizationId, checked, report) : null;
    context.log.info(
      { requestId: context.requestId, ok: report.ok, saved: save, rechecked, live: onStep !== undefined },
      'exchange connection tested',
    );
    return report;
  };
}

export const exchangeResolvers: Resolvers = {
  Query: {
    exchangeSettings: (_parent, _args, context) => {
      requireAdminOrService(context, 'Exchange settings');
      return context.services.exchangeSettings.get(context.viewer.organizationId);
    },
  },
  Mutation: {
    retestExchangeSettings: async (_parent, { participant }, context) => {
      const organizationId = requireAdmin(context, 'Testing the Exchange connection');
      const { exchangeSettings } = context.services;
      const opened = await exchangeSettings.open(organizationId);
      if (opened === null) {
        throw gatewayError('NOT_FOUND', 'Interop is not configured: no Exchange settings are stored', {
          extensions: { reason: 'INTEROP_NOT_CONFIGURED' },
        });
      }
      const report = await analyze(
        context,
        {
          ewsUrl: opened.settings.ewsUrl,
          roleAccount: opened.settings.roleAccount,
          secret: opened.secret,
          applicationId: opened.settings.applicationId,
        },
        checkParticipant(participant),
      );
      await exchangeSettings.markTested(organizationId, report);
      const rechecked = (await context.services.providers.recheckExchange?.(organizationId)) ?? null;
      context.log.info(
        { requestId: context.requestId, ok: report.ok, rechecked },
        'exchange settings retested',
      );
      return report;
    },
    testExchangeConnection: (_parent, args, context) => prepareExchangeTest(context, args)(),
    saveExchangeSettings: async (_parent, { input }, context) => {
      const organizationId = requireAdmin(context, 'Changing the Exchange settings');
      const checked = checkInput(input, true);
      const settings = await context.services.exchangeSettings.upsert(organizationId, checked);
      const rechecked = await context.services.providers.recheckExchange?.(organizationId);
      context.log.info({ requestId: context.requestId, rechecked }, 'exchange settings saved');
      return settings;
    },
  },
};
