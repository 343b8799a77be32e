// What a browser sees when the provider sends it back: a short page in its language (en, ja, it, pl from
// Accept-Language) saying what happened and what to do. Everything printed is escaped; the page carries no
// token, code or state, loads nothing, and sends no Referer.
import { escapeHtml } from '@tsunagi/notifications';

export const CALLBACK_LOCALES = ['en', 'ja', 'it', 'pl'] as const;
export type CallbackLocale = (typeof CALLBACK_LOCALES)[number];

export const CALLBACK_OUTCOMES = [
  'CONNECTED',
  'OTHER_BROWSER',
  'EXPIRED',
  'ALREADY_USED',
  'ACCOUNT_MISMATCH',
  'ACCESS_DENIED',
  'UNLINKED',
  'FAILED',
  /** The gateway could not reach its database: nothing changed yet, try again in a moment. */
  'UNAVAILABLE',
  /** A reconnect link (GET /reconnect/<token>) that is not ours, was edited, or names another connection. */
  'LINK_INVALID',
  'LINK_EXPIRED',
  'LINK_USED',
] as const;
export type CallbackOutcomeKind = (typeof CALLBACK_OUTCOMES)[number];

/** The page's kind for a failure's reason; any reason not listed reads as FAILED. */
const KIND_OF_REASON: Readonly<Record<string, CallbackOutcomeKind>> = {
  OTHER_BROWSER: 'OTHER_BROWSER',
  STARTED_BY_ANOTHER_USER: 'OTHER_BROWSER',
  STATE_EXPIRED: 'EXPIRED',
  STATE_ALREADY_USED: 'ALREADY_USED',
  ACCOUNT_MISMATCH: 'ACCOUNT_MISMATCH',
  ACCESS_DENIED: 'ACCESS_DENIED',
  CONNECTION_UNLINKED: 'UNLINKED',
  LINK_INVALID: 'LINK_INVALID',
  LINK_EXPIRED: 'LINK_EXPIRED',
  LINK_ALREADY_USED: 'LINK_USED',
};

export function outcomeKind(failure: { readonly reason?: string | undefined } | null): CallbackOutcomeKind {
  if (failure === null) return 'CONNECTED';
  return (failure.reason === undefined ? undefined : KIND_OF_REASON[failure.reason]) ?? 'FAILED';
}

interface PageText {
  readonly title: string;
  readonly body: string;
}

const TEXT: Readonly<
  Record<CallbackLocale, Readonly<Record<CallbackOutcomeKind, PageText>> & { close: string; details: string }>
> = {
  en: {
    CONNECTED: { title: 'Account connected', body: 'You can close this window and return to the app.' },
    OTHER_BROWSER: {
      title: 'Nothing was connected',
      body: 'This sign-in was started by another person or in another browser. Start it again from the app, in this browser.',
    },
    EXPIRED: {
      title: 'The sign-in took too long',
      body: 'Nothing was connected. Start it again from the app.',
    },
    ALREADY_USED: {
      title: 'This sign-in was already finished',
      body: 'Nothing more was changed. Return to the app.',
    },
    ACCOUNT_MISMATCH: {
      title: 'You signed in to another account',
      body: 'Nothing was changed. Reconnect by signing in to the account this connection belongs to.',
    },
    ACCESS_DENIED: {
      title: 'Access was not granted',
      body: 'Nothing was connected. Start again from the app if you change your mind.',
    },
    UNLINKED: {
      title: 'The connection was unlinked',
      body: 'It was removed while you were signing in, so nothing was reconnected.',
    },
    FAILED: {
      title: 'The account could not be connected',
      body: 'Nothing was changed. Try again from the app.',
    },
    UNAVAILABLE: {
      title: 'The service is briefly unavailable',
      body: 'Nothing was connected yet. Reload this page in a moment, or start again from the app.',
    },
    LINK_INVALID: {
      title: 'This reconnect link is not valid',
      body: 'Nothing was changed. Open the link exactly as it was sent to you, or reconnect from the app.',
    },
    LINK_EXPIRED: {
      title: 'This reconnect link has expired',
      body: 'Nothing was changed. Reconnect from the app, or use the link in a newer message.',
    },
    LINK_USED: {
      title: 'This reconnect link was already used',
      body: 'Each link works once. Nothing more was changed; reconnect from the app if it is still needed.',
    },
    close: 'You can close this window.',
    details: 'Details',
  },
  ja: {
    CONNECTED: { title: 'アカウントを連携しました', body: 'このウィンドウを閉じてアプリに戻ってください。' },
    OTHER_BROWSER: {
      title: '連携は行われませんでした',
      body: 'このサインインは別の人または別のブラウザで開始されました。このブラウザでアプリからもう一度開始してください。',
    },
    EXPIRED: {
      title: 'サインインの有効期限が切れました',
      body: '何も連携されていません。アプリからもう一度開始してください。',
    },
    ALREADY_USED: {
      title: 'このサインインは既に完了しています',
      body: '変更はありません。アプリに戻ってください。',
    },
    ACCOUNT_MISMATCH: {
      title: '別のアカウントでサインインしました',
      body: '何も変更されていません。この連携のアカウントでサインインして再接続してください。',
    },
    ACCESS_DENIED: {
      title: 'アクセスが許可されませんでした',
      body: '何も連携されていません。必要であればアプリからもう一度開始してください。',
    },
    UNLINKED: {
      title: '連携は解除されています',
      body: 'サインイン中に連携が解除されたため、再接続は行われませんでした。',
    },
    FAILED: {
      title: 'アカウントを連携できませんでした',
      body: '何も変更されていません。アプリからもう一度お試しください。',
    },
    UNAVAILABLE: {
      title: 'サービスが一時的に利用できません',
      body: 'まだ何も連携されていません。しばらくしてからこのページを再読み込みするか、アプリからもう一度開始してください。',
    },
    LINK_INVALID: {
      title: 'この再接続リンクは無効です',
      body: '何も変更されていません。送信されたとおりにリンクを開くか、アプリから再接続してください。',
    },
    LINK_EXPIRED: {
      title: 'この再接続リンクは有効期限が切れています',
      body: '何も変更されていません。アプリから再接続するか、新しいメッセージのリンクを使ってください。',
    },
    LINK_USED: {
      title: 'この再接続リンクは既に使用されています',
      body: 'リンクは一度だけ使えます。これ以上の変更はありません。必要であればアプリから再接続してください。',
    },
    close: 'このウィンドウは閉じてかまいません。',
    details: '詳細',
  },
  it: {
    CONNECTED: { title: 'Account collegato', body: "Puoi chiudere questa finestra e tornare all'app." },
    OTHER_BROWSER: {
      title: 'Nessun collegamento effettuato',
      body: "Questo accesso è stato avviato da un'altra persona o in un altro browser. Avvialo di nuovo dall'app, in questo browser.",
    },
    EXPIRED: {
      title: "L'accesso ha richiesto troppo tempo",
      body: "Nessun collegamento effettuato. Avvialo di nuovo dall'app.",
    },
    ALREADY_USED: {
      title: 'Questo accesso è già stato completato',
      body: "Nient'altro è stato modificato. Torna all'app.",
    },
    ACCOUNT_MISMATCH: {
      title: 'Hai effettuato l’accesso con un altro account',
      body: "Nulla è stato modificato. Ricollega accedendo all'account a cui appartiene questo collegamento.",
    },
    ACCESS_DENIED: {
      title: 'Accesso non concesso',
      body: "Nessun collegamento effettuato. Ricomincia dall'app se cambi idea.",
    },
    UNLINKED: {
      title: 'Il collegamento è stato rimosso',
      body: "È stato rimosso durante l'accesso, quindi non è stato ricollegato.",
    },
    FAILED: { title: "Impossibile collegare l'account", body: "Nulla è stato modificato. Riprova dall'app." },
    UNAVAILABLE: {
      title: 'Il servizio è momentaneamente non disponibile',
      body: "Non è stato ancora collegato nulla. Ricarica questa pagina tra qualche istante oppure ricomincia dall'app.",
    },
    LINK_INVALID: {
      title: 'Questo link di ricollegamento non è valido',
      body: "Nulla è stato modificato. Apri il link esattamente come ti è stato inviato, oppure ricollega dall'app.",
    },
    LINK_EXPIRED: {
      title: 'Questo link di ricollegamento è scaduto',
      body: "Nulla è stato modificato. Ricollega dall'app oppure usa il link di un messaggio più recente.",
    },
    LINK_USED: {
      title: 'Questo link di ricollegamento è già stato usato',
      body: "Ogni link funziona una sola volta. Nient'altro è stato modificato; ricollega dall'app se serve ancora.",
    },
    close: 'Puoi chiudere questa finestra.',
    details: 'Dettagli',
  },
  pl: {
    CONNECTED: { title: 'Konto zostało połączone', body: 'Możesz zamknąć to okno i wrócić do aplikacji.' },
    OTHER_BROWSER: {
      title: 'Nic nie zostało połączone',
      body: 'To logowanie rozpoczęła inna osoba lub inna przeglądarka. Rozpocznij je ponownie w aplikacji, w tej przeglądarce.',
    },
    EXPIRED: {
      title: 'Logowanie trwało zbyt długo',
      body: 'Nic nie zostało połączone. Rozpocznij je ponownie w aplikacji.',
    },
    ALREADY_USED: {
      title: 'To logowanie zostało już zakończone',
      body: 'Nic więcej nie zmieniono. Wróć do aplikacji.',
    },
    ACCOUNT_MISMATCH: {
      title: 'Zalogowano się na inne konto',
      body: 'Nic nie zostało zmienione. Połącz ponownie, logując się na konto, do którego należy to połączenie.',
    },
    ACCESS_DENIED: {
      title: 'Nie udzielono dostępu',
      body: 'Nic nie zostało połączone. Jeśli zmienisz zdanie, zacznij ponownie w aplikacji.',
    },
    UNLINKED: {
      title: 'Połączenie zostało usunięte',
      body: 'Usunięto je w trakcie logowania, więc nie zostało ponownie połączone.',
    },
    FAILED: {
      title: 'Nie udało się połączyć konta',
      body: 'Nic nie zostało zmienione. Spróbuj ponownie w aplikacji.',
    },
    UNAVAILABLE: {
      title: 'Usługa jest chwilowo niedostępna',
      body: 'Nic jeszcze nie zostało połączone. Odśwież tę stronę za chwilę albo zacznij ponownie w aplikacji.',
    },
    LINK_INVALID: {
      title: 'Ten link do ponownego połączenia jest nieprawidłowy',
      body: 'Nic nie zostało zmienione. Otwórz link dokładnie tak, jak został wysłany, albo połącz ponownie w aplikacji.',
    },
    LINK_EXPIRED: {
      title: 'Ten link do ponownego połączenia wygasł',
      body: 'Nic nie zostało zmienione. Połącz ponownie w aplikacji albo użyj linku z nowszej wiadomości.',
    },
    LINK_USED: {
      title: 'Ten link do ponownego połączenia został już użyty',
      body: 'Każdy link działa raz. Nic więcej nie zmieniono; w razie potrzeby połącz ponownie w aplikacji.',
    },
    close: 'Możesz zamknąć to okno.',
    details: 'Szczegóły',
  },
};

/** Security headers for the page: nothing may load, nothing may frame it, no Referer leaves it. */
export const CALLBACK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export interface CallbackPageInput {
  readonly locale: CallbackLocale;
  readonly kind: CallbackOutcomeKind;
  /** The provider, when known (e.g. GOOGLE_CALENDAR). */
  readonly provider?: string | undefined;
  /** For failures: the code and reason, for support. */
  readonly code?: string | undefined;
  readonly reason?: string | undefined;
}

export function renderCallbackPage(input: CallbackPageInput): string {
  const text = TEXT[input.locale];
  const { title, body } = text[input.kind];
  const details = [input.provider, input.code, input.reason].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}small{color:#555}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
${details.length === 0 ? '' : `<p><small>${escapeHtml(text.details)}: ${details.map(escapeHtml).join(' · ')}</small></p>\n`}<p><small>${escapeHtml(text.close)}</small></p>
</body>
</html>
`;
}
