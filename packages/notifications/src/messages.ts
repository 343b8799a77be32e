// The notification e-mails, in the recipient's language (en, ja, it, pl): what broke (the classified title and
// remediation from @tsunagi/errors), which booking pages stopped, and the one-click reconnect link; or, once
// fixed, a short recovery notice. Every value printed in the HTML part is escaped.
import { describeError, type ErrorCode, isErrorCode, isSubReason, type Locale } from '@tsunagi/errors';

export const NOTIFICATION_LOCALES = ['en', 'ja', 'it', 'pl'] as const satisfies readonly Locale[];
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** The classified failure as a connection stores it (`connections.lastError`). */
export interface FailureDescription {
  readonly code: string;
  readonly subReason?: string | null | undefined;
  /** The classifier's provider (`google`, `google-interop`…), which names the service in the text. */
  readonly provider?: string | null | undefined;
}

export interface ConnectionBrokenMessage {
  readonly kind: 'CONNECTION_BROKEN';
  readonly locale: NotificationLocale;
  /** OWNER: the connection's owner, who can reconnect; ADMIN: an admin told of an Exchange failure. */
  readonly audience: 'OWNER' | 'ADMIN';
  /** The calendar account, e.g. `aiko@example.com` (or the connection's provider when unknown). */
  readonly account: string;
  readonly failure: FailureDescription;
  /** Titles of the booking pages that stopped taking bookings because of it. */
  readonly stoppedPages: readonly string[];
  /** The one-click reconnect link (owners of OAuth connections). */
  readonly reconnectUrl: string | null;
  /** Exchange: the failing check of the organization's Interop settings. */
  readonly failingCheck: string | null;
}

export interface ConnectionRecoveredMessage {
  readonly kind: 'CONNECTION_RECOVERED';
  readonly locale: NotificationLocale;
  readonly account: string;
}

export type NotificationMessage = ConnectionBrokenMessage | ConnectionRecoveredMessage;

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

interface Texts {
  readonly brokenSubject: (account: string) => string;
  readonly brokenIntro: (account: string) => string;
  readonly adminIntro: (account: string) => string;
  readonly whatToDo: string;
  readonly stoppedPages: string;
  readonly noStoppedPages: string;
  readonly reconnect: string;
  readonly linkNote: string;
  readonly failingCheck: string;
  readonly recoveredSubject: (account: string) => string;
  readonly recoveredBody: (account: string) => string;
}

const TEXTS: Readonly<Record<NotificationLocale, Texts>> = {
  en: {
    brokenSubject: (account) => `Action needed: your calendar connection ${account} stopped working`,
    brokenIntro: (account) => `Your calendar connection ${account} stopped working.`,
    adminIntro: (account) =>
      `The Exchange calendar connection ${account} in your organization stopped working.`,
    whatToDo: 'What to do',
    stoppedPages: 'Booking pages that stopped taking bookings',
    noStoppedPages: 'No booking page has stopped because of it yet.',
    reconnect: 'Reconnect',
    linkNote: 'The link works once and expires in 7 days; it reconnects only this account.',
    failingCheck: 'Failing check',
    recoveredSubject: (account) => `Fixed: your calendar connection ${account} works again`,
    recoveredBody: (account) =>
      `Your calendar connection ${account} works again. Its booking pages take bookings again; nothing else is needed.`,
  },
  ja: {
    brokenSubject: (account) => `対応が必要です: カレンダー連携 ${account} が停止しました`,
    brokenIntro: (account) => `カレンダー連携 ${account} が停止しました。`,
    adminIntro: (account) => `組織の Exchange カレンダー連携 ${account} が停止しました。`,
    whatToDo: '対処方法',
    stoppedPages: '予約の受付を停止した予約ページ',
    noStoppedPages: 'この問題で停止した予約ページはまだありません。',
    reconnect: '再接続する',
    linkNote: 'このリンクは一度だけ使え、7日で期限が切れます。このアカウントだけを再接続します。',
    failingCheck: '失敗したチェック',
    recoveredSubject: (account) => `復旧しました: カレンダー連携 ${account} が再び動作しています`,
    recoveredBody: (account) =>
      `カレンダー連携 ${account} が再び動作しています。予約ページは再び予約を受け付けています。これ以上の対応は不要です。`,
  },
  it: {
    brokenSubject: (account) =>
      `Azione richiesta: il collegamento al calendario ${account} ha smesso di funzionare`,
    brokenIntro: (account) => `Il collegamento al calendario ${account} ha smesso di funzionare.`,
    adminIntro: (account) =>
      `Il collegamento al calendario Exchange ${account} della tua organizzazione ha smesso di funzionare.`,
    whatToDo: 'Cosa fare',
    stoppedPages: 'Pagine di prenotazione che non accettano più prenotazioni',
    noStoppedPages: 'Nessuna pagina di prenotazione si è ancora fermata per questo motivo.',
    reconnect: 'Ricollega',
    linkNote: 'Il link funziona una sola volta e scade tra 7 giorni; ricollega solo questo account.',
    failingCheck: 'Controllo non superato',
    recoveredSubject: (account) => `Risolto: il collegamento al calendario ${account} funziona di nuovo`,
    recoveredBody: (account) =>
      `Il collegamento al calendario ${account} funziona di nuovo. Le sue pagine di prenotazione accettano di nuovo prenotazioni; non serve altro.`,
  },
  pl: {
    brokenSubject: (account) => `Wymagane działanie: połączenie z kalendarzem ${account} przestało działać`,
    brokenIntro: (account) => `Połączenie z kalendarzem ${account} przestało działać.`,
    adminIntro: (account) =>
      `Połączenie z kalendarzem Exchange ${account} w Twojej organizacji przestało działać.`,
    whatToDo: 'Co zrobić',
    stoppedPages: 'Strony rezerwacji, które przestały przyjmować rezerwacje',
    noStoppedPages: 'Żadna strona rezerwacji nie zatrzymała się jeszcze z tego powodu.',
    reconnect: 'Połącz ponownie',
    linkNote: 'Link działa raz i wygasa po 7 dniach; łączy ponownie tylko to konto.',
    failingCheck: 'Nieudane sprawdzenie',
    recoveredSubject: (account) => `Naprawione: połączenie z kalendarzem ${account} znów działa`,
    recoveredBody: (account) =>
      `Połączenie z kalendarzem ${account} znów działa. Jego strony rezerwacji znów przyjmują rezerwacje; nic więcej nie trzeba robić.`,
  },
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Title and remediation in the locale; a code the vocabulary no longer knows reads as UNKNOWN. */
export function describeFailure(failure: FailureDescription, locale: NotificationLocale) {
  const code: ErrorCode = isErrorCode(failure.code) ? failure.code : 'UNKNOWN';
  return describeError(code, locale, {
    ...(failure.provider ? { provider: failure.provider } : {}),
    ...(isSubReason(failure.subReason) ? { subReason: failure.subReason } : {}),
  });
}

function page(locale: NotificationLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">
${body}
</body>
</html>
`;
}

export function renderNotification(message: NotificationMessage): RenderedEmail {
  const t = TEXTS[message.locale];
  if (message.kind === 'CONNECTION_RECOVERED') {
    const subject = t.recoveredSubject(message.account);
    const body = t.recoveredBody(message.account);
    return { subject, text: `${body}\n`, html: page(message.locale, subject, `<p>${escapeHtml(body)}</p>`) };
  }
  const { title, remediation } = describeFailure(message.failure, message.locale);
  const subject = t.brokenSubject(message.account);
  const intro = message.audience === 'ADMIN' ? t.adminIntro(message.account) : t.brokenIntro(message.account);
  const text = [
    intro,
    '',
    title,
    `${t.whatToDo}: ${remediation}`,
    ...(message.failingCheck === null ? [] : [`${t.failingCheck}: ${message.failingCheck}`]),
    '',
    message.stoppedPages.length === 0 ? t.noStoppedPages : `${t.stoppedPages}:`,
    ...message.stoppedPages.map((pageTitle) => `- ${pageTitle}`),
    ...(message.reconnectUrl === null ? [] : ['', `${t.reconnect}: ${message.reconnectUrl}`, t.linkNote]),
    '',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<p><strong>${escapeHtml(t.whatToDo)}:</strong> ${escapeHtml(remediation)}</p>`,
    message.failingCheck === null
      ? ''
      : `<p><strong>${escapeHtml(t.failingCheck)}:</strong> ${escapeHtml(message.failingCheck)}</p>`,
    message.stoppedPages.length === 0
      ? `<p>${escapeHtml(t.noStoppedPages)}</p>`
      : `<p>${escapeHtml(t.stoppedPages)}:</p><ul>${message.stoppedPages.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
    message.reconnectUrl === null
      ? ''
      : `<p><a href="${escapeHtml(message.reconnectUrl)}">${escapeHtml(t.reconnect)}</a></p><p><small>${escapeHtml(t.linkNote)}</small></p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { subject, text, html: page(message.locale, subject, html) };
}

export function isNotificationLocale(value: unknown): value is NotificationLocale {
  return typeof value === 'string' && (NOTIFICATION_LOCALES as readonly string[]).includes(value);
}
