import { describe, expect, it } from 'vitest';
import { errorContentType, requestErrorStatus, wantsLegacyJson } from './media-types.js';

describe('GraphQL-over-HTTP media types', () => {
  it('gives legacy application/json clients 200 for request errors and everyone else the 4xx', () => {
    expect(wantsLegacyJson('application/json')).toBe(true);
    expect(wantsLegacyJson('application/json; charset=utf-8')).toBe(true);
    expect(wantsLegacyJson('application/graphql-response+json, application/json;q=0.9')).toBe(false);
    expect(wantsLegacyJson('application/graphql-response+json;q=0, application/json')).toBe(true);
    expect(wantsLegacyJson(undefined)).toBe(false);
    expect(wantsLegacyJson('*/*')).toBe(false);
    expect(requestErrorStatus('application/json', 400)).toBe(200);
    expect(requestErrorStatus(null, 400)).toBe(400);
    expect(errorContentType('application/graphql-response+json')).toBe('application/graphql-response+json');
    expect(errorContentType(undefined)).toBe('application/json');
  });
});
