// Notification settings over GraphQL: the organization's (admins), a person's (themself, or an admin for
// anyone in the organization), their recent notifications, and a test message to the caller. Every input is
// checked before anything is written: a wrong field is BAD_USER_INPUT naming it, and nothing changes.
import type {
  OrganizationSettingsChange,
  QuietHours,
  SettingsCheck,
  UserSettingsChange,
} from '@tsunagi/notifications';
import { checkOrganizationSettings, checkQuietHours } from '@tsunagi/notifications';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { GatewayContext } from '../context.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { resolveUserId } from '../references/index.js';
import { checkFirst, checkText } from '../validation.js';

const MAX_URL_LENGTH = 2000;
const MAX_RECENT = 100;

function requireAdmin(context: GatewayContext, what: string): string {
  if (context.viewer.role !== 'ADMIN') throw forbidden(`${what} is for admins`);
  return context.viewer.organizationId;
}

/** Whose settings: the caller's own, or (admins) anyone's in the organization. */
async function subjectOf(context: GatewayContext, userId: string | null | undefined): Promise<string> {
  const { viewer } = context;
  const target = userId == null ? viewer.userId : await resolveUserId(context, userId, 'userId');
  if (target !== viewer.userId && viewer.role !== 'ADMIN') {
    throw forbidden("Another person's notifications are for admins");
  }
  return target;
}

function orThrow(check: SettingsCheck, prefix: string): void {
  if (!check.ok) throw badInput(`${prefix}${check.field} ${check.problem}`, `${prefix}${check.field}`);
}

/** Absent stays, null clears, a URL is checked under the gateway's target policy. */
async function slackUrlOf(
  context: GatewayContext,
  value: string | null | undefined,
): Promise<string | null | undefined> {
  if (value === undefined || value === null) return value;
  const url = checkText(value.trim(), 'input.slackWebhookUrl', MAX_URL_LENGTH);
  const checked = await context.services.notifications.checkSlackUrl(url);
  if (!checked.ok) throw badInput(`input.slackWebhookUrl ${checked.problem}`, 'input.slackWebhookUrl');
  return url;
}

const quietOf = (value: QuietHours | null | undefined) =>
  value == null ? value : { start: value.start, end: value.end, timeZone: value.timeZone };

/** A boolean given as null means "unchanged", like an absent one: these settings cannot be cleared. */
const flag = (value: boolean | null | undefined) => value ?? undefined;

export const notificationResolvers: Resolvers = {
  Query: {
    organizationNotificationSettings: (_parent, _args, context) =>
      context.services.notifications.settings.organization(
        requireAdmin(context, 'Reading organization notification settings'),
      ),
    notificationSettings: async (_parent, { userId }, context) => {
      const subject = await subjectOf(context, userId);
      const found = await context.services.notifications.settings.user(
        context.viewer.organizationId,
        subject,
      );
      if (found === null) throw notFound('User');
      return found;
    },
    notifications: async (_parent, { userId, first }, context) => {
      const limit = checkFirst(first ?? 20, MAX_RECENT);
      const subject = await subjectOf(context, userId);
      const { organizationId } = context.viewer;
      if ((await context.services.notifications.settings.user(organizationId, subject)) === null) {
        throw notFound('User');
      }
      return context.services.notifications.recent(organizationId, subject, limit);
    },
  },
  Mutation: {
    updateOrganizationNotificationSettings: async (_parent, { input }, context) => {
      const organizationId = requireAdmin(context, 'Changing organization notification settings');
      const change: OrganizationSettingsChange = {
        emailEnabled: flag(input.emailEnabled),
        slackEnabled: flag(input.slackEnabled),
        escalationDelayMinutes: input.escalationDelayMinutes ?? undefined,
        digestWindowMinutes: input.digestWindowMinutes ?? undefined,
        atRiskWarningDays: input.atRiskWarningDays ?? undefined,
        quietHours: quietOf(input.quietHours),
      };
      orThrow(checkOrganizationSettings(change), 'input.');
      const slackWebhookUrl = await slackUrlOf(context, input.slackWebhookUrl);
      const updated = await context.services.notifications.settings.updateOrganization(organizationId, {
        ...change,
        slackWebhookUrl,
      });
      context.log.info({ organizationId }, 'organization notification settings updated');
      return updated;
    },
    updateNotificationSettings: async (_parent, { userId, input }, context) => {
      const subject = await subjectOf(context, userId);
      const change: UserSettingsChange = {
        emailEnabled: flag(input.emailEnabled),
        slackEnabled: flag(input.slackEnabled),
        quietHours: quietOf(input.quietHours),
      };
      orThrow(checkQuietHours(change.quietHours), 'input.');
      const slackWebhookUrl = await slackUrlOf(context, input.slackWebhookUrl);
      const updated = await context.services.notifications.settings.updateUser(
        context.viewer.organizationId,
        subject,
        { ...change, slackWebhookUrl },
      );
      if (updated === null) throw notFound('User');
      context.log.info({ userId: subject }, 'notification settings updated');
      return updated;
    },
    sendTestNotification: async (_parent, _args, context) => {
      const outcomes = await context.services.notifications.sendTest(
        context.viewer.organizationId,
        context.viewer.userId,
      );
      // A SERVICE credential is nobody to send to.
      if (outcomes === null) throw notFound('User');
      return outcomes;
    },
  },
};
