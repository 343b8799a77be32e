// Sign-in: in embedded mode pick a demo person; anywhere, paste a token or an API key.
import { createTsunagiClient, ViewerQuery } from '@tsunagi/sdk';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n/index.js';
import { type DemoUser, demoUsers, graphqlUrl } from '../session.js';

export function SignInScreen({ t, onSignIn }: { t: Translate; onSignIn: (token: string) => void }) {
  const [people, setPeople] = useState<DemoUser[]>([]);
  const [token, setToken] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    demoUsers().then(setPeople, () => setPeople([]));
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = token.trim();
    const client = createTsunagiClient({ url: graphqlUrl(), token: candidate });
    try {
      await client.query(ViewerQuery);
      onSignIn(candidate);
    } catch (error) {
      setFailure(t('signin.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const organizations = [...new Set(people.map((person) => person.organization))];
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('signin.title')}</h1>
      {people.length > 0 ? (
        <section aria-labelledby="demo-people">
          <h2 id="demo-people">{t('signin.demo')}</h2>
          {organizations.map((organization) => (
            <div key={organization}>
              <h3>{organization}</h3>
              <ul class="people">
                {people
                  .filter((person) => person.organization === organization)
                  .map((person) => (
                    <li key={person.email}>
                      <button type="button" onClick={() => onSignIn(person.token)}>
                        {t('signin.as', { name: person.name })}
                      </button>{' '}
                      <span>
                        {person.email} · {t(`role.${person.role}`)}
                      </span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <form onSubmit={submit}>
        <label for="token">{t('signin.token')}</label>
        <p id="token-help" class="help">
          {t('signin.tokenHelp')}
        </p>
        <input
          id="token"
          type="password"
          autocomplete="off"
          aria-describedby="token-help"
          value={token}
          onInput={(event) => setToken((event.currentTarget as HTMLInputElement).value)}
          required
        />
        <button type="submit">{t('signin.submit')}</button>
        <p role="alert" class="failure">
          {failure ?? ''}
        </p>
      </form>
    </section>
  );
}
