// `GET /outbox` and `GET /outbox/<id>`: the embedded mail sink as a browser sees it, so a newcomer reads the
// notification and clicks its reconnect link offline. Mounted only when the outbox runs (embedded mode, a local
// demo). It shows every message the sink holds, as a local mail catcher does, so it answers only a browser on
// this machine: the peer must be loopback and the Host a loopback name (a DNS-rebinding page on another
// origin cannot read it). The mail's HTML is never part of this page: it is shown in an iframe with `sandbox`
// (no scripts, no same-origin), its text escaped into `srcdoc`; the CSP below also applies to that frame.
import { isIP } from 'node:net';
import { escapeHtml } from '@tsunagi/notifications';
import type { OutboxMessage } from '@tsunagi/notifications/outbox';
import { type Request, type Response, Router } from 'express';
import type { GatewayMailOutbox } from './service.js';

export const OUTBOX_PATH = '/outbox';

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  // https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy: an srcdoc iframe inherits
  // its parent's policy, so the mail's HTML may load nothing either.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (plain === '::1') return true;
  return isIP(plain) === 4 && plain.startsWith('127.');
}

/** Host without its port: `127.0.0.1:4000` → `127.0.0.1`, `[::1]:4000` → `[::1]`. */
function hostName(host: string | undefined): string {
  return (host ?? '').toLowerCase().replace(/:\d+$/, '');
}

export function isLocalBrowser(request: Request): boolean {
  return (
    isLoopbackAddress(request.socket.remoteAddress) && LOOPBACK_HOSTS.has(hostName(request.headers.host))
  );
}

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${head}<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
small{color:#555}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:28rem;border:1px solid #ccc}
dt{font-weight:600}dd{margin:0 0 .5rem}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const time = (date: Date) => escapeHtml(date.toISOString().replace('T', ' ').slice(0, 19));

export function renderOutboxList(messages: readonly OutboxMessage[], received: number): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td><small>${time(message.receivedAt)}</small></td><td>${escapeHtml(message.to.join(', '))}</td>` +
        `<td><a href="${OUTBOX_PATH}/${escapeHtml(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a></td>` +
        `<td>${escapeHtml(message.language ?? '')}</td></tr>`,
    )
    .join('\n');
  return layout(
    'Tsunagi outbox',
    `<h1>Outbox</h1>
<p>The mail this embedded gateway sent to its local SMTP sink, newest first (${messages.length} kept of ${received} received since it started; it keeps them in memory). Break a demo connection and its owner's message appears here; this page reloads every 5 seconds.</p>
${messages.length === 0 ? '<p><em>No mail yet.</em></p>' : `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th><th>Language</th></tr></thead><tbody>\n${rows}\n</tbody></table>`}`,
    '<meta http-equiv="refresh" content="5">\n',
  );
}

export function renderOutboxMessage(message: OutboxMessage): string {
  const links = message.links
    .map((link) => `<li><a href="${escapeHtml(link)}" rel="noreferrer">${escapeHtml(link)}</a></li>`)
    .join('\n');
  // `<base target>` opens the mail's links outside the frame (a sandboxed frame may open them only as popups
  // that escape the sandbox); the iframe runs no script and has an opaque origin.
  const base = '<base target="_blank">';
  const srcdoc = /<head[^>]*>/i.test(message.html)
    ? message.html.replace(/<head([^>]*)>/i, `<head$1>${base}`)
    : `${base}${message.html}`;
  return layout(
    message.subject || 'Message',
    `<p><a href="${OUTBOX_PATH}">← Outbox</a></p>
<h1>${escapeHtml(message.subject || '(no subject)')}</h1>
<dl>
<dt>From</dt><dd>${escapeHtml(message.from)}</dd>
<dt>To</dt><dd>${escapeHtml(message.to.join(', '))}</dd>
<dt>Received</dt><dd>${time(message.receivedAt)} UTC</dd>
<dt>Language</dt><dd>${escapeHtml(message.language ?? '—')}</dd>
</dl>
<h2>Links</h2>
${message.links.length === 0 ? '<p><em>None.</em></p>' : `<ul>\n${links}\n</ul>`}
${message.html === '' ? '' : `<h2>HTML</h2>\n<iframe title="The message's HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(srcdoc)}"></iframe>`}
<h2>Text</h2>
<pre>${escapeHtml(message.text)}</pre>`,
  );
}

function answer(response: Response, status: number, html: string): void {
  response.status(status).set(PAGE_HEADERS).type('html').send(html);
}

export function outboxRouter(running: GatewayMailOutbox): Router {
  const router = Router();
  router.use(OUTBOX_PATH, (request, response, next) => {
    if (isLocalBrowser(request)) {
      next();
      return;
    }
    answer(
      response,
      403,
      layout(
        'Forbidden',
        '<p>The outbox answers only a browser on this machine (127.0.0.1, ::1, localhost).</p>',
      ),
    );
  });
  router.get(OUTBOX_PATH, (_request, response) => {
    const { messages } = running.outbox.list({ first: 200 });
    answer(response, 200, renderOutboxList(messages, running.outbox.received));
  });
  router.get(`${OUTBOX_PATH}/:id`, (request, response) => {
    const message = running.outbox.get(request.params.id);
    if (message === null) {
      answer(
        response,
        404,
        layout(
          'Not found',
          `<p>No such message (the outbox keeps the latest ones). <a href="${OUTBOX_PATH}">Outbox</a></p>`,
        ),
      );
      return;
    }
    answer(response, 200, renderOutboxMessage(message));
  });
  return router;
}
