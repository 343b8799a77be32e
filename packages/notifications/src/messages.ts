// The notification messages, in the recipient's language (en, ja, it, pl). A message carries one item or,
// as a digest, several: a connection that broke (the classified title and remediation from @tsunagi/errors,
// the booking pages that stopped, the one-click reconnect link), one at risk of breaking, an escalation to
// admins, a short recovery notice, or a test. Rendered as e-mail (text + HTML, every value escaped) and as a
// Slack message (slack.ts).
import { describeError, type ErrorCode, isErrorCode, isSubReason, type Locale } from '@tsunagi/errors';
import { AT_RISK_REASONS, type AtRiskReason } from '@tsunagi/providers/foresight';

export const NOTIFICATION_LOCALES = ['en', 'ja', 'it', 'pl'] as const satisfies readonly Locale[];
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** The classified failure as a connection stores it (`connections.lastError`). */
export interface FailureDescription {
  readonly code: string;
  readonly subReason?: string | null | undefined;
  /** The classifier's provider (`google`, `google-interop`…), which names the service in the text. */
  readonly provider?: string | null | undefined;
}

export interface ConnectionBrokenItem {
  readonly kind: 'CONNECTION_BROKEN';
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

export interface ConnectionAtRiskItem {
  readonly kind: 'CONNECTION_AT_RISK';
  readonly audience: 'OWNER' | 'ADMIN';
  readonly account: string;
  /** Why it will break (the stored warning); null when the probe gave no classification. */
  readonly failure: FailureDescription | null;
  readonly reconnectUrl: string | null;
  readonly failingCheck: string | null;
  /** When it is predicted to break, when known (a "breaks at" line). */
  readonly breaksAt?: Date | null | undefined;
  /** Why it will break (foresight's AT_RISK_REASONS code), when predicted (a "why" line). */
  readonly atRiskReason?: string | null | undefined;
}

export interface ConnectionEscalatedItem {
  readonly kind: 'CONNECTION_ESCALATED';
  readonly account: string;
  /** The connection's owner, by name. */
  readonly ownerName: string;
  readonly failure: FailureDescription;
  readonly stoppedPages: readonly string[];
  /** Whole hours since it broke. */
  readonly brokenForHours: number;
  readonly failingCheck: string | null;
}

export interface ConnectionRecoveredItem {
  readonly kind: 'CONNECTION_RECOVERED';
  readonly account: string;
}

export interface TestItem {
  readonly kind: 'TEST';
}

export type NotificationItem =
  | ConnectionBrokenItem
  | ConnectionAtRiskItem
  | ConnectionEscalatedItem
  | ConnectionRecoveredItem
  | TestItem;

/** One message to one person: one item, or a digest of several (in the order they happened). */
export interface NotificationMessage {
  readonly locale: NotificationLocale;
  readonly items: readonly NotificationItem[];
  /** The recipient's time zone for dates (breaks at); absent: UTC. */
  readonly timeZone?: string | null | undefined;
}

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
  readonly atRiskSubject: (account: string) => string;
  readonly atRiskIntro: (account: string) => string;
  readonly adminAtRiskIntro: (account: string) => string;
  readonly breaksAt: string;
  /** The label of the "why" line, and each predicted break's reason, said for the person who must act. */
  readonly why: string;
  readonly reasons: Readonly<Record<AtRiskReason, string>>;
  readonly escalatedSubject: (account: string) => string;
  readonly escalatedIntro: (account: string, owner: string, hours: number) => string;
  readonly digestSubject: (count: number) => string;
  readonly digestIntro: string;
  readonly testSubject: string;
  readonly testBody: string;
}

const AT_RISK_REASON_SET: ReadonlySet<string> = new Set(AT_RISK_REASONS);
const isAtRiskReason = (code: string): code is AtRiskReason => AT_RISK_REASON_SET.has(code);

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
    atRiskSubject: (account) => `Warning: your calendar connection ${account} will stop working soon`,
    atRiskIntro: (account) =>
      `Your calendar connection ${account} still works, but it will stop unless it is fixed.`,
    adminAtRiskIntro: (account) =>
      `The Exchange calendar connection ${account} in your organization still works, but it will stop unless it is fixed.`,
    breaksAt: 'Expected to stop at',
    why: 'Why',
    reasons: {
      GOOGLE_TESTING_APP_GRANT_EXPIRY:
        'Google ends sign-ins to apps still in testing 7 days after they were made.',
      GOOGLE_GRANT_INACTIVITY: 'Google ends a sign-in that has not been used for six months.',
      GOOGLE_GRANT_LIMIT:
        'This Google account has signed in to us as many times as Google allows; the next sign-in ends the oldest, this one.',
      MICROSOFT_REFRESH_TOKEN_INACTIVITY: 'Microsoft ends a sign-in that has not been used for 90 days.',
      APP_CREDENTIAL_EXPIRY: 'The credentials of our app with the provider expire.',
      MISSING_SCOPES: 'The sign-in does not grant permissions Tsunagi needs.',
      EXCHANGE_CERTIFICATE_EXPIRY: "The Exchange server's certificate expires.",
    },
    escalatedSubject: (account) => `Still broken: the calendar connection ${account} needs an admin`,
    escalatedIntro: (account, owner, hours) =>
      `The calendar connection ${account} of ${owner} has been broken for ${hours} hours and nobody has fixed it yet.`,
    digestSubject: (count) => `${count} updates about calendar connections`,
    digestIntro: 'Several things happened to calendar connections you look after:',
    testSubject: 'Test notification from Tsunagi',
    testBody: 'This is a test. Notifications reach you here.',
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
    atRiskSubject: (account) => `警告: カレンダー連携 ${account} はまもなく停止します`,
    atRiskIntro: (account) => `カレンダー連携 ${account} は現在動作していますが、対応しないと停止します。`,
    adminAtRiskIntro: (account) =>
      `組織の Exchange カレンダー連携 ${account} は現在動作していますが、対応しないと停止します。`,
    breaksAt: '停止予定',
    why: '理由',
    reasons: {
      GOOGLE_TESTING_APP_GRANT_EXPIRY: 'Google はテスト中のアプリへのサインインを 7 日後に終了します。',
      GOOGLE_GRANT_INACTIVITY: 'Google は 6 か月間使われていないサインインを終了します。',
      GOOGLE_GRANT_LIMIT:
        'この Google アカウントのサインイン数が Google の上限に達しました。次のサインインで最も古いこのサインインが終了します。',
      MICROSOFT_REFRESH_TOKEN_INACTIVITY: 'Microsoft は 90 日間使われていないサインインを終了します。',
      APP_CREDENTIAL_EXPIRY: 'プロバイダーに登録された当サービスのアプリの資格情報が期限切れになります。',
      MISSING_SCOPES: 'サインインに Tsunagi が必要とする権限が含まれていません。',
      EXCHANGE_CERTIFICATE_EXPIRY: 'Exchange サーバーの証明書が期限切れになります。',
    },
    escalatedSubject: (account) => `未解決: カレンダー連携 ${account} に管理者の対応が必要です`,
    escalatedIntro: (account, owner, hours) =>
      `${owner} さんのカレンダー連携 ${account} が ${hours} 時間停止したままで、まだ誰も対応していません。`,
    digestSubject: (count) => `カレンダー連携に関する ${count} 件のお知らせ`,
    digestIntro: '担当のカレンダー連携で次のことがありました:',
    testSubject: 'Tsunagi からのテスト通知',
    testBody: 'これはテストです。通知はここに届きます。',
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
    atRiskSubject: (account) =>
      `Avviso: il collegamento al calendario ${account} smetterà presto di funzionare`,
    atRiskIntro: (account) =>
      `Il collegamento al calendario ${account} funziona ancora, ma smetterà di funzionare se non viene sistemato.`,
    adminAtRiskIntro: (account) =>
      `Il collegamento al calendario Exchange ${account} della tua organizzazione funziona ancora, ma smetterà di funzionare se non viene sistemato.`,
    breaksAt: 'Smetterà di funzionare il',
    why: 'Motivo',
    reasons: {
      GOOGLE_TESTING_APP_GRANT_EXPIRY:
        'Google chiude gli accessi alle app ancora in fase di test 7 giorni dopo che sono stati fatti.',
      GOOGLE_GRANT_INACTIVITY: 'Google chiude un accesso che non viene usato da sei mesi.',
      GOOGLE_GRANT_LIMIT:
        'Questo account Google ha fatto tutti gli accessi alla nostra app che Google consente; il prossimo chiuderà il più vecchio, questo.',
      MICROSOFT_REFRESH_TOKEN_INACTIVITY: 'Microsoft chiude un accesso che non viene usato da 90 giorni.',
      APP_CREDENTIAL_EXPIRY: 'Le credenziali della nostra app presso il fornitore scadono.',
      MISSING_SCOPES: "L'accesso non concede i permessi di cui Tsunagi ha bisogno.",
      EXCHANGE_CERTIFICATE_EXPIRY: 'Il certificato del server Exchange scade.',
    },
    escalatedSubject: (account) =>
      `Ancora guasto: il collegamento al calendario ${account} richiede un amministratore`,
    escalatedIntro: (account, owner, hours) =>
      `Il collegamento al calendario ${account} di ${owner} non funziona da ${hours} ore e nessuno l'ha ancora sistemato.`,
    digestSubject: (count) => `${count} aggiornamenti sui collegamenti al calendario`,
    digestIntro: 'Ai collegamenti al calendario che segui è successo quanto segue:',
    testSubject: 'Notifica di prova da Tsunagi',
    testBody: 'Questa è una prova. Le notifiche ti arrivano qui.',
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
    atRiskSubject: (account) => `Ostrzeżenie: połączenie z kalendarzem ${account} wkrótce przestanie działać`,
    atRiskIntro: (account) =>
      `Połączenie z kalendarzem ${account} jeszcze działa, ale przestanie, jeśli nie zostanie naprawione.`,
    adminAtRiskIntro: (account) =>
      `Połączenie z kalendarzem Exchange ${account} w Twojej organizacji jeszcze działa, ale przestanie, jeśli nie zostanie naprawione.`,
    breaksAt: 'Przestanie działać',
    why: 'Powód',
    reasons: {
      GOOGLE_TESTING_APP_GRANT_EXPIRY:
        'Google kończy logowania do aplikacji w fazie testów 7 dni po ich wykonaniu.',
      GOOGLE_GRANT_INACTIVITY: 'Google kończy logowanie, które nie było używane przez sześć miesięcy.',
      GOOGLE_GRANT_LIMIT:
        'To konto Google zalogowało się do nas tyle razy, ile pozwala Google; następne logowanie zakończy najstarsze, czyli to.',
      MICROSOFT_REFRESH_TOKEN_INACTIVITY: 'Microsoft kończy logowanie, które nie było używane przez 90 dni.',
      APP_CREDENTIAL_EXPIRY: 'Poświadczenia naszej aplikacji u dostawcy wygasają.',
      MISSING_SCOPES: 'Logowanie nie daje uprawnień, których potrzebuje Tsunagi.',
      EXCHANGE_CERTIFICATE_EXPIRY: 'Certyfikat serwera Exchange wygasa.',
    },
    escalatedSubject: (account) =>
      `Nadal nie działa: połączenie z kalendarzem ${account} wymaga administratora`,
    escalatedIntro: (account, owner, hours) =>
      `Połączenie z kalendarzem ${account} użytkownika ${owner} nie działa od ${hours} godz. i nikt go jeszcze nie naprawił.`,
    digestSubject: (count) => `${count} powiadomienia o połączeniach z kalendarzem`,
    digestIntro: 'W połączeniach z kalendarzem, którymi się zajmujesz, wydarzyło się:',
    testSubject: 'Powiadomienie testowe z Tsunagi',
    testBody: 'To jest test. Powiadomienia docierają tutaj.',
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

/** A piece of a message, format-neutral: e-mail and Slack each print these their own way. */
export type Block =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'field'; readonly label: string; readonly value: string }
  | { readonly type: 'list'; readonly label: string; readonly items: readonly string[] }
  | { readonly type: 'link'; readonly label: string; readonly url: string; readonly note: string };

export interface Section {
  /** The item's own subject, used as its heading in a digest. */
  readonly subject: string;
  readonly blocks: readonly Block[];
}

function formatDate(at: Date, locale: NotificationLocale, timeZone: string | null | undefined): string {
  const zone = timeZone ?? 'UTC';
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(at);
  return `${text} (${zone})`;
}

function stopped(t: Texts, pages: readonly string[]): Block {
  return pages.length === 0
    ? { type: 'paragraph', text: t.noStoppedPages }
    : { type: 'list', label: t.stoppedPages, items: pages };
}

function failureBlocks(t: Texts, locale: NotificationLocale, failure: FailureDescription): Block[] {
  const { title, remediation } = describeFailure(failure, locale);
  return [
    { type: 'heading', text: title },
    { type: 'field', label: t.whatToDo, value: remediation },
  ];
}

/** One item as a section, in the message's locale. */
export function sectionOf(
  item: NotificationItem,
  message: Pick<NotificationMessage, 'locale' | 'timeZone'>,
): Section {
  const { locale } = message;
  const t = TEXTS[locale];
  const check = (value: string | null): Block[] =>
    value === null ? [] : [{ type: 'field', label: t.failingCheck, value }];
  const link = (url: string | null): Block[] =>
    url === null ? [] : [{ type: 'link', label: t.reconnect, url, note: t.linkNote }];
  switch (item.kind) {
    case 'CONNECTION_BROKEN':
      return {
        subject: t.brokenSubject(item.account),
        blocks: [
          {
            type: 'paragraph',
            text: item.audience === 'ADMIN' ? t.adminIntro(item.account) : t.brokenIntro(item.account),
          },
          ...failureBlocks(t, locale, item.failure),
          ...check(item.failingCheck),
          stopped(t, item.stoppedPages),
          ...link(item.reconnectUrl),
        ],
      };
    case 'CONNECTION_AT_RISK':
      return {
        subject: t.atRiskSubject(item.account),
        blocks: [
          {
            type: 'paragraph',
            text: item.audience === 'ADMIN' ? t.adminAtRiskIntro(item.account) : t.atRiskIntro(item.account),
          },
          ...(item.failure === null ? [] : failureBlocks(t, locale, item.failure)),
          ...check(item.failingCheck),
          ...(item.breaksAt == null
            ? []
            : [
                {
                  type: 'field',
                  label: t.breaksAt,
                  value: formatDate(item.breaksAt, locale, message.timeZone),
                } as const,
              ]),
          ...(item.atRiskReason != null && isAtRiskReason(item.atRiskReason)
            ? [{ type: 'field', label: t.why, value: t.reasons[item.atRiskReason] } as const]
            : []),
          ...link(item.reconnectUrl),
        ],
      };
    case 'CONNECTION_ESCALATED':
      return {
        subject: t.escalatedSubject(item.account),
        blocks: [
          { type: 'paragraph', text: t.escalatedIntro(item.account, item.ownerName, item.brokenForHours) },
          ...failureBlocks(t, locale, item.failure),
          ...check(item.failingCheck),
          stopped(t, item.stoppedPages),
        ],
      };
    case 'CONNECTION_RECOVERED':
      return {
        subject: t.recoveredSubject(item.account),
        blocks: [{ type: 'paragraph', text: t.recoveredBody(item.account) }],
      };
    case 'TEST':
      return { subject: t.testSubject, blocks: [{ type: 'paragraph', text: t.testBody }] };
  }
}

/** The message's subject and its sections (a digest: an intro, then each item under its own subject). */
export function layoutMessage(message: NotificationMessage): {
  subject: string;
  sections: Section[];
  intro: string | null;
} {
  const t = TEXTS[message.locale];
  const sections = message.items.map((item) => sectionOf(item, message));
  if (sections.length === 1 && sections[0] !== undefined) {
    return { subject: sections[0].subject, sections, intro: null };
  }
  return { subject: t.digestSubject(sections.length), sections, intro: t.digestIntro };
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

function blockText(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.text];
    case 'field':
      return [`${block.label}: ${block.value}`];
    case 'list':
      return [`${block.label}:`, ...block.items.map((item) => `- ${item}`)];
    case 'link':
      return [`${block.label}: ${block.url}`, block.note];
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'field':
      return `<p><strong>${escapeHtml(block.label)}:</strong> ${escapeHtml(block.value)}</p>`;
    case 'list':
      return `<p>${escapeHtml(block.label)}:</p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p><p><small>${escapeHtml(block.note)}</small></p>`;
  }
}

/** The e-mail: text and HTML parts. */
export function renderNotification(message: NotificationMessage): RenderedEmail {
  const { subject, sections, intro } = layoutMessage(message);
  const digest = intro !== null;
  const text = [
    ...(digest ? [intro, ''] : []),
    ...sections.flatMap((section) => [
      ...(digest ? [`== ${section.subject} ==`] : []),
      ...section.blocks.flatMap((block) => [...blockText(block), '']),
    ]),
  ].join('\n');
  const html = [
    ...(digest ? [`<p>${escapeHtml(intro)}</p>`] : []),
    ...sections.map((section) =>
      [...(digest ? [`<h2>${escapeHtml(section.subject)}</h2>`] : []), ...section.blocks.map(blockHtml)].join(
        '\n',
      ),
    ),
  ].join(digest ? '\n<hr>\n' : '\n');
  return { subject, text, html: page(message.locale, subject, html) };
}

export function isNotificationLocale(value: unknown): value is NotificationLocale {
  return typeof value === 'string' && (NOTIFICATION_LOCALES as readonly string[]).includes(value);
}
