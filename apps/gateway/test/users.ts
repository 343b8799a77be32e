// Changes to people that no GraphQL mutation makes yet (an admin demoted, a user removed), written straight
// to the database as the directory tooling would: data setup for tests of what live sockets may still see.
import type { UserRole } from '@tsunagi/db';
import { query } from './database.js';
import type { TestGateway } from './harness.js';

const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function setUserRole(t: TestGateway, userId: string, role: UserRole): Promise<void> {
  await query(t.handle, `UPDATE users SET role = ${quoted(role)} WHERE id = ${quoted(userId)}`);
}

export async function deleteUser(t: TestGateway, userId: string): Promise<void> {
  await query(t.handle, `DELETE FROM users WHERE id = ${quoted(userId)}`);
}
