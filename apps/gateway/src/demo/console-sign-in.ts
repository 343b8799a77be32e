// Embedded mode only: the console's sign-in lists the demo organizations' people, each with a development token
// minted for them, so a newcomer picks a person instead of pasting a token. Never mounted on Postgres.
import type { DatabaseHandle } from '@tsunagi/db';
import type { RequestHandler } from 'express';
import { type JwtSettings, mintToken } from '../auth/token.js';
import type { DemoAccess } from '../gateway.js';

export interface DemoSignInUser {
  readonly organization: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'ADMIN' | 'MEMBER';
  readonly token: string;
}

const TOKEN_LIFETIME = '12h';

export function demoSignInHandler(
  database: DatabaseHandle,
  demo: DemoAccess,
  jwt: JwtSettings,
): RequestHandler {
  return async (_request, response, next) => {
    try {
      const organizationIds = [demo.organizationId, demo.otherOrganizationId];
      const organizations = await database.db.query.organizations.findMany({
        where: (t, { inArray }) => inArray(t.id, organizationIds),
        columns: { id: true, name: true },
      });
      const people = await database.db.query.users.findMany({
        where: (t, { inArray }) => inArray(t.organizationId, organizationIds),
        columns: { id: true, organizationId: true, name: true, email: true, role: true },
      });
      const names = new Map(organizations.map((org) => [org.id, org.name]));
      const users: DemoSignInUser[] = [];
      for (const person of people.sort(
        (a, b) =>
          organizationIds.indexOf(a.organizationId) - organizationIds.indexOf(b.organizationId) ||
          Number(b.role === 'ADMIN') - Number(a.role === 'ADMIN') ||
          a.name.localeCompare(b.name),
      )) {
        const role = person.role === 'ADMIN' ? 'ADMIN' : 'MEMBER';
        users.push({
          organization: names.get(person.organizationId) ?? person.organizationId,
          name: person.name,
          email: person.email,
          role,
          token: await mintToken({
            ...jwt,
            userId: person.id,
            organizationId: person.organizationId,
            role,
            expiresIn: TOKEN_LIFETIME,
          }),
        });
      }
      response.set('cache-control', 'no-store').json({ users });
    } catch (error) {
      next(error);
    }
  };
}
