// Notification settings, per organization (admins: channels, the shared Slack URL, escalation delay, digest
// window, warning horizon ahead of a predicted break, default quiet hours) and per person (channels, own Slack URL, own quiet hours). No row means the
// defaults. Slack incoming-webhook URLs are bearer secrets: sealed at rest (AES-GCM, bound to the owning row)
// and shown only as a hint (scheme, host, last 4 characters).
import { type Database, type Executor, type Keyring, openSecret, sealSecret } from '@tsunagi/db';
import {
  type NotificationChannel,
  organizationNotificationSettings,
  userNotificationSettings,
  users,
} from '@tsunagi/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { isTimeZone, parseClock, type QuietHours } from './quiet-hours.js';

export const DEFAULT_ESCALATION_DELAY_MINUTES = 24 * 60;
export const DEFAULT_DIGEST_WINDOW_MINUTES = 15;
/** From 5 minutes to 7 days: an escalation should come while the breakage is still news. */
export const ESCALATION_DELAY_LIMITS = { min: 5, max: 7 * 24 * 60 } as const;
/** 0 (every message at once) to a day. */
export const DIGEST_WINDOW_LIMITS = { min: 0, max: 24 * 60 } as const;
/** How long before a predicted break its owner is warned (warn-ahead.ts). */
export const DEFAULT_AT_RISK_WARNING_DAYS = 7;
/** 1 day to 30: foresight predicts at most a few weeks ahead. */
export const AT_RISK_WARNING_LIMITS = { min: 1, max: 30 } as const;

export interface OrganizationNotificationSettings {
  readonly emailEnabled: boolean;
  readonly slackEnabled: boolean;
  /** What is shown of the Slack URL; null when none is set. */
  readonly slackWebhookUrlHint: string | null;
  readonly escalationDelayMinutes: number;
  readonly digestWindowMinutes: number;
  /** Owners are warned this many days before a predicted break. */
  readonly atRiskWarningDays: number;
  readonly quietHours: QuietHours | null;
  readonly updatedAt: Date | null;
}

export interface UserNotificationSettings {
  readonly userId: string;
  readonly emailEnabled: boolean;
  readonly slackEnabled: boolean;
  readonly slackWebhookUrlHint: string | null;
  /** The person's own quiet hours; null: the organization's default applies. */
  readonly quietHours: QuietHours | null;
  readonly updatedAt: Date | null;
}

/** A change; an absent field stays as it is, `null` clears. */
export interface OrganizationSettingsChange {
  readonly emailEnabled?: boolean | undefined;
  readonly slackEnabled?: boolean | undefined;
  readonly slackWebhookUrl?: string | null | undefined;
  readonly escalationDelayMinutes?: number | undefined;
  readonly digestWindowMinutes?: number | undefined;
  readonly atRiskWarningDays?: number | undefined;
  readonly quietHours?: QuietHours | null | undefined;
}

export interface UserSettingsChange {
  readonly emailEnabled?: boolean | undefined;
  readonly slackEnabled?: boolean | undefined;
  readonly slackWebhookUrl?: string | null | undefined;
  readonly quietHours?: QuietHours | null | undefined;
}

/** A field the caller got wrong, named by its path in the input (`quietHours.timeZone`). */
export type SettingsCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: string; readonly problem: string };

const OK: SettingsCheck = { ok: true };

export function checkQuietHours(quiet: QuietHours | null | undefined, field = 'quietHours'): SettingsCheck {
  if (quiet == null) return OK;
  if (parseClock(quiet.start) === null)
    return { ok: false, field: `${field}.start`, problem: 'must be HH:MM (00:00 to 23:59)' };
  if (parseClock(quiet.end) === null)
    return { ok: false, field: `${field}.end`, problem: 'must be HH:MM (00:00 to 23:59)' };
  if (quiet.start === quiet.end)
    return { ok: false, field: `${field}.end`, problem: 'must differ from start' };
  if (!isTimeZone(quiet.timeZone))
    return { ok: false, field: `${field}.timeZone`, problem: 'is not an IANA time zone' };
  return OK;
}

function checkRange(
  value: number | undefined,
  field: string,
  limits: { min: number; max: number },
): SettingsCheck {
  if (value === undefined) return OK;
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
    return { ok: false, field, problem: `must be a whole number from ${limits.min} to ${limits.max}` };
  }
  return OK;
}

export function checkOrganizationSettings(change: OrganizationSettingsChange): SettingsCheck {
  for (const check of [
    checkRange(change.escalationDelayMinutes, 'escalationDelayMinutes', ESCALATION_DELAY_LIMITS),
    checkRange(change.digestWindowMinutes, 'digestWindowMinutes', DIGEST_WINDOW_LIMITS),
    checkRange(change.atRiskWarningDays, 'atRiskWarningDays', AT_RISK_WARNING_LIMITS),
    checkQuietHours(change.quietHours),
  ]) {
    if (!check.ok) return check;
  }
  return OK;
}

/** `https://hooks.slack.com/…Xy9z`: enough to recognise it, nothing to use it with. */
export function slackUrlHint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…${url.slice(-4)}`;
}

const organizationContext = (organizationId: string) => `notification-slack:organization:${organizationId}`;
const userContext = (userId: string) => `notification-slack:user:${userId}`;

type OrganizationRow = typeof organizationNotificationSettings.$inferSelect;
type UserRow = typeof userNotificationSettings.$inferSelect;

function quietOf(row: {
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timeZone: string | null;
}): QuietHours | null {
  return row.quietHoursStart === null || row.quietHoursEnd === null || row.timeZone === null
    ? null
    : { start: row.quietHoursStart, end: row.quietHoursEnd, timeZone: row.timeZone };
}

function quietColumns(quiet: QuietHours | null | undefined) {
  if (quiet === undefined) return {};
  return {
    quietHoursStart: quiet?.start ?? null,
    quietHoursEnd: quiet?.end ?? null,
    timeZone: quiet?.timeZone ?? null,
  };
}

function organizationView(row: OrganizationRow | undefined): OrganizationNotificationSettings {
  return {
    emailEnabled: row?.emailEnabled ?? true,
    slackEnabled: row?.slackEnabled ?? false,
    slackWebhookUrlHint: row?.slackWebhookHint ?? null,
    escalationDelayMinutes: row?.escalationDelayMinutes ?? DEFAULT_ESCALATION_DELAY_MINUTES,
    digestWindowMinutes: row?.digestWindowMinutes ?? DEFAULT_DIGEST_WINDOW_MINUTES,
    atRiskWarningDays: row?.atRiskWarningDays ?? DEFAULT_AT_RISK_WARNING_DAYS,
    quietHours: row === undefined ? null : quietOf(row),
    updatedAt: row?.updatedAt ?? null,
  };
}

function userView(userId: string, row: UserRow | undefined): UserNotificationSettings {
  return {
    userId,
    emailEnabled: row?.emailEnabled ?? true,
    slackEnabled: row?.slackEnabled ?? true,
    slackWebhookUrlHint: row?.slackWebhookHint ?? null,
    quietHours: row === undefined ? null : quietOf(row),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Everything delivery needs to know about one person. */
export interface RecipientProfile {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: string | null;
  readonly emailEnabled: boolean;
  /** Where this person's Slack messages go (their own URL, else the organization's), null: no Slack. */
  readonly slackUrl: string | null;
  /** Their own quiet hours, else the organization's default. */
  readonly quietHours: QuietHours | null;
  readonly digestWindowMinutes: number;
}

export interface NotificationSettingsStoreOptions {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly now?: (() => Date) | undefined;
}

export class NotificationSettingsStore {
  readonly #db: Database;
  readonly #keyring: Keyring;
  readonly #now: () => Date;

  constructor(options: NotificationSettingsStoreOptions) {
    this.#db = options.db;
    this.#keyring = options.keyring;
    this.#now = options.now ?? (() => new Date());
  }

  async organization(organizationId: string): Promise<OrganizationNotificationSettings> {
    const [row] = await this.#db
      .select()
      .from(organizationNotificationSettings)
      .where(eq(organizationNotificationSettings.organizationId, organizationId));
    return organizationView(row);
  }

  /** Writes a checked change (checkOrganizationSettings first; the URL is checked by the caller's policy). */
  async updateOrganization(
    organizationId: string,
    change: OrganizationSettingsChange,
  ): Promise<OrganizationNotificationSettings> {
    const set = {
      ...(change.emailEnabled === undefined ? {} : { emailEnabled: change.emailEnabled }),
      ...(change.slackEnabled === undefined ? {} : { slackEnabled: change.slackEnabled }),
      ...(change.slackWebhookUrl === undefined
        ? {}
        : {
            slackWebhookCiphertext:
              change.slackWebhookUrl === null
                ? null
                : sealSecret(this.#keyring, change.slackWebhookUrl, organizationContext(organizationId)),
            slackWebhookHint: change.slackWebhookUrl === null ? null : slackUrlHint(change.slackWebhookUrl),
          }),
      ...(change.escalationDelayMinutes === undefined
        ? {}
        : { escalationDelayMinutes: change.escalationDelayMinutes }),
      ...(change.digestWindowMinutes === undefined
        ? {}
        : { digestWindowMinutes: change.digestWindowMinutes }),
      ...(change.atRiskWarningDays === undefined ? {} : { atRiskWarningDays: change.atRiskWarningDays }),
      ...quietColumns(change.quietHours),
      updatedAt: this.#now(),
    };
    const [row] = await this.#db
      .insert(organizationNotificationSettings)
      .values({ organizationId, ...set })
      .onConflictDoUpdate({ target: organizationNotificationSettings.organizationId, set })
      .returning();
    return organizationView(row);
  }

  /** Null when the person is not in this organization. */
  async user(organizationId: string, userId: string): Promise<UserNotificationSettings | null> {
    const [found] = await this.#db
      .select({ id: users.id, settings: userNotificationSettings })
      .from(users)
      .leftJoin(userNotificationSettings, eq(userNotificationSettings.userId, users.id))
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
    return found === undefined ? null : userView(found.id, found.settings ?? undefined);
  }

  async updateUser(
    organizationId: string,
    userId: string,
    change: UserSettingsChange,
  ): Promise<UserNotificationSettings | null> {
    if ((await this.user(organizationId, userId)) === null) return null;
    const set = {
      ...(change.emailEnabled === undefined ? {} : { emailEnabled: change.emailEnabled }),
      ...(change.slackEnabled === undefined ? {} : { slackEnabled: change.slackEnabled }),
      ...(change.slackWebhookUrl === undefined
        ? {}
        : {
            slackWebhookCiphertext:
              change.slackWebhookUrl === null
                ? null
                : sealSecret(this.#keyring, change.slackWebhookUrl, userContext(userId)),
            slackWebhookHint: change.slackWebhookUrl === null ? null : slackUrlHint(change.slackWebhookUrl),
          }),
      ...quietColumns(change.quietHours),
      updatedAt: this.#now(),
    };
    const [row] = await this.#db
      .insert(userNotificationSettings)
      .values({ userId, organizationId, ...set })
      .onConflictDoUpdate({ target: userNotificationSettings.userId, set })
      .returning();
    return userView(userId, row);
  }

  /** Null when the person is not in this organization. */
  async recipient(organizationId: string, userId: string): Promise<RecipientProfile | null> {
    const found = await loadRecipients(this.#db, this.#keyring, organizationId, [userId]);
    return found.get(userId) ?? null;
  }
}

/** The delivery profile of each of these people (those in the organization), in one query. */
export async function loadRecipients(
  db: Executor,
  keyring: Keyring,
  organizationId: string,
  userIds: readonly string[],
): Promise<Map<string, RecipientProfile>> {
  const profiles = new Map<string, RecipientProfile>();
  if (userIds.length === 0) return profiles;
  const rows = await db
    .select({ user: users, own: userNotificationSettings, shared: organizationNotificationSettings })
    .from(users)
    .leftJoin(userNotificationSettings, eq(userNotificationSettings.userId, users.id))
    .leftJoin(
      organizationNotificationSettings,
      eq(organizationNotificationSettings.organizationId, users.organizationId),
    )
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, [...userIds])));
  for (const { user, own, shared } of rows) {
    const organization = organizationView(shared ?? undefined);
    let slackUrl: string | null = null;
    // The organization's switch is the master switch; the person's own URL wins over the shared one.
    if (organization.slackEnabled && (own?.slackEnabled ?? true)) {
      if (own?.slackWebhookCiphertext) {
        slackUrl = openSecret(keyring, own.slackWebhookCiphertext, userContext(user.id));
      } else if (shared?.slackWebhookCiphertext) {
        slackUrl = openSecret(keyring, shared.slackWebhookCiphertext, organizationContext(organizationId));
      }
    }
    profiles.set(user.id, {
      userId: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      emailEnabled: organization.emailEnabled && (own?.emailEnabled ?? true) && user.email !== '',
      slackUrl,
      quietHours: (own ? quietOf(own) : null) ?? organization.quietHours,
      digestWindowMinutes: organization.digestWindowMinutes,
    });
  }
  return profiles;
}

/** The channels a person receives on now. */
export function channelsOf(profile: RecipientProfile): NotificationChannel[] {
  return [
    ...(profile.emailEnabled ? (['EMAIL'] as const) : []),
    ...(profile.slackUrl === null ? [] : (['SLACK'] as const)),
  ];
}
