// The embedded gateway's mail outbox, newest first, a page at a time: a member reads their own mail, an
// administrator the organization's. A message's text is shown as text; its HTML only inside an iframe with
// `sandbox` (no script, an opaque origin), as the gateway's /outbox page does. A gateway that sends mail to a
// real SMTP server has no outbox (FEATURE_UNAVAILABLE): the screen says where the mail goes instead.
import { MailOutboxQuery, type ResultOf } from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import { Failure, Screen } from '../components.js';
import { useConsole, useLoad } from '../context.js';

const PAGE_SIZE = 20;

type Message = ResultOf<typeof MailOutboxQuery>['mailOutbox']['edges'][number]['node'];

export function OutboxScreen() {
  const { client, t, date } = useConsole();
  // The cursors of the pages before this one; the last is this page's `after`.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, error } = useLoad(() => client.query(MailOutboxQuery, { first: PAGE_SIZE, after }), [after]);
  const [open, setOpen] = useState<string | null>(null);
  const unavailable = (error as { code?: string } | undefined)?.code === 'FEATURE_UNAVAILABLE';
  const edges = data?.mailOutbox.edges ?? [];
  const shown = edges.find(({ node }) => node.id === open)?.node;
  return (
    <Screen title={t('outbox.title')}>
      {unavailable ? (
        <p data-testid="outbox-unavailable">{t('outbox.unavailable')}</p>
      ) : (
        <Failure error={error} />
      )}
      {data && edges.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      {edges.length > 0 ? (
        <table data-testid="outbox">
          <thead>
            <tr>
              <th scope="col">{t('col.when')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id} data-message={node.id}>
                <td>{date(node.receivedAt)}</td>
                <td>{node.to.join(', ')}</td>
                <th scope="row" lang={node.language ?? undefined}>
                  {node.subject || t('outbox.noSubject')}
                </th>
                <td>
                  <button
                    type="button"
                    aria-pressed={open === node.id}
                    aria-label={t('outbox.readLabel', { subject: node.subject || t('outbox.noSubject') })}
                    onClick={() => setOpen(open === node.id ? null : node.id)}
                  >
                    {t('outbox.read')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && (cursors.length > 1 || data.mailOutbox.pageInfo.hasNextPage) ? (
        <nav aria-label={t('outbox.pages')} class="pager">
          <button
            type="button"
            disabled={cursors.length <= 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            {t('outbox.newer')}
          </button>{' '}
          <button
            type="button"
            disabled={!data.mailOutbox.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, data.mailOutbox.pageInfo.endCursor ?? null])}
          >
            {t('outbox.older')}
          </button>
        </nav>
      ) : null}
      {shown ? <MessageView message={shown} /> : null}
    </Screen>
  );
}

function MessageView({ message }: { message: Message }) {
  const { t } = useConsole();
  // The mail's links open outside the frame (a sandboxed frame may open them only as popups that escape it).
  const base = '<base target="_blank">';
  const srcdoc = /<head[^>]*>/i.test(message.html)
    ? message.html.replace(/<head([^>]*)>/i, `<head$1>${base}`)
    : `${base}${message.html}`;
  return (
    <article aria-labelledby="message-title" data-testid="outbox-message">
      <h2 id="message-title" lang={message.language ?? undefined}>
        {message.subject || t('outbox.noSubject')}
      </h2>
      <h3>{t('outbox.text')}</h3>
      <pre class="mail-text" lang={message.language ?? undefined}>
        {message.text}
      </pre>
      {message.html === '' ? null : (
        <>
          <h3>{t('outbox.html')}</h3>
          <iframe
            class="mail-html"
            title={t('outbox.htmlFrame')}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcdoc={srcdoc}
          />
        </>
      )}
    </article>
  );
}
