// Every closed vocabulary is a GraphQL enum typed by the SDK, written from the TypeScript list that owns it.
import { type GraphQLEnumType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from './index.js';
import { SCHEMA_VOCABULARIES, TEXT_LOCALES } from './vocabularies.js';

const schema = createSchema();
const enumValues = (name: string) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return (type as GraphQLEnumType).getValues().map((value) => value.name);
};

describe('schema vocabularies', () => {
  it.each(
    Object.entries(SCHEMA_VOCABULARIES),
  )('enum %s has exactly the values of its TypeScript list', (name, values) => {
    // On failure, paste the expected values into the enum's .graphql file (with a doc line for a new one).
    expect(enumValues(name)).toEqual([...values]);
  });

  it('every text catalog speaks the Locale enum', () => {
    for (const locales of Object.values(TEXT_LOCALES)) {
      expect(locales.map((locale) => locale.toUpperCase())).toEqual(enumValues('Locale'));
    }
  });

  it('no field whose value is one of these vocabularies is typed as a plain String', () => {
    // The fields that were Strings before the vocabularies became enums (issue 9 §6).
    const typed: Record<string, string> = {
      'Reason.kind': 'ReasonKind!',
      'RemediationAction.kind': 'RemediationActionKind!',
      'RemediationAction.performedBy': 'RemediationPerformer!',
      'RemediationAction.check': 'SubReason',
      'RemediationStep.goal': 'RemediationGoal!',
      'BookingPageWarning.kind': 'BookingPageWarningKind!',
      'ProviderError.code': 'ErrorCode!',
      'ProviderError.action': 'ErrorAction!',
      'ProviderError.subReason': 'SubReason',
      'Event.type': 'EventType!',
      'ExchangeConnectionStep.id': 'ExchangeStepId!',
      'ExchangeConnectionStep.status': 'ExchangeStepStatus!',
      'ExchangeSettings.status': 'ExchangeSettingsStatus!',
    };
    for (const [path, type] of Object.entries(typed)) {
      const [typeName, fieldName] = path.split('.') as [string, string];
      const fields = (
        schema.getType(typeName) as { getFields(): Record<string, { type: unknown }> }
      ).getFields();
      expect(String(fields[fieldName]?.type), path).toBe(type);
    }
  });
});
