// Administrators: the organization's people, filtered by role and by the start of a name or e-mail.
import { OrganizationUsersQuery, type Types } from '@tsunagi/sdk';
import { useState } from 'preact/hooks';
import { Failure, Screen } from '../components.js';
import { useConsole, useLoad } from '../context.js';

const ROLES: readonly Types.UserRole[] = ['ADMIN', 'MEMBER'];

export function UsersScreen() {
  const { client, t } = useConsole();
  const [role, setRole] = useState<Types.UserRole | ''>('');
  const [search, setSearch] = useState('');
  const { data, error } = useLoad(
    () =>
      client.query(OrganizationUsersQuery, {
        first: 100,
        filter: {
          ...(role === '' ? {} : { role: [role] }),
          ...(search.trim() ? { search: search.trim() } : {}),
        },
      }),
    [role, search],
  );
  return (
    <Screen title={t('users.title')}>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('col.role')}{' '}
          <select
            value={role}
            onChange={(event) =>
              setRole((event.currentTarget as HTMLSelectElement).value as Types.UserRole | '')
            }
          >
            <option value="">{t('common.all')}</option>
            {ROLES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`role.${candidate}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('users.search')}{' '}
          <input
            type="search"
            value={search}
            onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
      </form>
      <Failure error={error} />
      {data ? (
        <table data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t('col.name')}</th>
              <th scope="col">{t('col.email')}</th>
              <th scope="col">{t('col.role')}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.edges.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">{node.name}</th>
                <td>{node.email}</td>
                <td>{t(`role.${node.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Screen>
  );
}
