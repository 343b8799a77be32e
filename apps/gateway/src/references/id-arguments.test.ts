// Every ID argument of the executable schema is classified in ID_ARGUMENTS: a new argument that names a user
// or a page cannot forget `ext:`, and one that names something of Tsunagi's own says so by being listed.
import {
  type GraphQLArgument,
  type GraphQLInputField,
  getNamedType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema/index.js';
import { ACCEPTS_EXTERNAL_ID, ID_ARGUMENTS } from './id-arguments.js';

/** `Type.field.argument` and `Input.field` of every argument and input field whose type is ID or [ID!]. */
function idArgumentsOfSchema(): Map<string, GraphQLArgument | GraphQLInputField> {
  const found = new Map<string, GraphQLArgument | GraphQLInputField>();
  const isId = (input: GraphQLArgument | GraphQLInputField) => getNamedType(input.type).name === 'ID';
  for (const type of Object.values(createSchema().getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          if (isId(argument)) found.set(`${type.name}.${field.name}.${argument.name}`, argument);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isId(field)) found.set(`${type.name}.${field.name}`, field);
      }
    }
  }
  return found;
}

describe('ID arguments', () => {
  const inSchema = idArgumentsOfSchema();

  it('are each classified as a user, a page or something of Tsunagi’s own (references/id-arguments.ts)', () => {
    const unclassified = [...inSchema.keys()].filter((name) => !(name in ID_ARGUMENTS));
    expect(unclassified).toEqual([]);
  });

  it('are all still in the schema (the table lists nothing that is gone)', () => {
    const stale = Object.keys(ID_ARGUMENTS).filter((name) => !inSchema.has(name));
    expect(stale).toEqual([]);
  });

  it('take `ext:` exactly when their description says so', () => {
    const misdescribed = [...inSchema].flatMap(([name, argument]) => {
      const kind = ID_ARGUMENTS[name];
      if (kind === undefined) return [];
      const says = argument.description?.includes('`ext:<externalId>`') ?? false;
      return says === ACCEPTS_EXTERNAL_ID[kind] ? [] : [name];
    });
    expect(misdescribed).toEqual([]);
  });

  it('include the root fields, input objects and lists the convention covers', () => {
    expect(inSchema.has('Subscription.bookingPageStateChanged.pageId')).toBe(true);
    expect(inSchema.has('CreateBookingPageInput.memberIds')).toBe(true);
    expect(ID_ARGUMENTS['Mutation.removeLocation.locationId']).toBe('location');
  });
});
