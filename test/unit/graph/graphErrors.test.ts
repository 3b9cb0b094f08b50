import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { classifyGraphError, retryAfter } from '../../../src/graph/graphErrors.js';

function graphError(status: number, code: string | null, headers: Record<string, string> = {}): GraphError {
  const e = new GraphError(status, 'message from Graph');
  e.code = code;
  e.headers = new Headers(headers);
  return e;
}

/** What @azure/identity throws for a bad or expired client secret (an AuthenticationError). */
function identityError(description: string): Error {
  const e = new Error(`ClientSecretCredential authentication failed: ${description}`) as Error & { errorResponse: unknown };
  e.name = 'AuthenticationError';
  e.errorResponse = { error: 'invalid_client', errorDescription: description };
  return e;
}

describe('classifyGraphError', () => {
  const cases: [string, unknown, 'event' | 'mailbox', { kind: string; retryAfterMs?: number; errorCode?: string; httpStatus?: number }][] = [
    ['429 with Retry-After seconds', graphError(429, 'TooManyRequests', { 'Retry-After': '7' }), 'mailbox', { kind: 'throttled', retryAfterMs: 7000, httpStatus: 429 }],
    ['429 without Retry-After', graphError(429, 'TooManyRequests'), 'mailbox', { kind: 'throttled', retryAfterMs: 5000 }],
    ['503 with Retry-After', graphError(503, 'ServiceUnavailable', { 'Retry-After': '2' }), 'event', { kind: 'throttled', retryAfterMs: 2000, httpStatus: 503 }],
    ['503 without Retry-After', graphError(503, 'ServiceUnavailable'), 'event', { kind: 'transient', httpStatus: 503 }],
    ['500', graphError(500, 'InternalServerError'), 'event', { kind: 'transient' }],
    ['401 bad token', graphError(401, 'InvalidAuthenticationToken'), 'mailbox', { kind: 'credentials', errorCode: 'InvalidAuthenticationToken' }],
    ['403 mailbox not allowed', graphError(403, 'ErrorAccessDenied'), 'mailbox', { kind: 'permission', errorCode: 'ErrorAccessDenied' }],
    ['404 unknown mailbox (on an event call)', graphError(404, 'ErrorInvalidUser'), 'event', { kind: 'mailbox', errorCode: 'ErrorInvalidUser' }],
    ['404 event deleted in Outlook', graphError(404, 'ErrorItemNotFound'), 'event', { kind: 'event-gone' }],
    ['404 on a create', graphError(404, 'ErrorItemNotFound'), 'mailbox', { kind: 'mailbox' }],
    ['400 a request Graph refuses', graphError(400, 'ErrorInvalidRequest'), 'mailbox', { kind: 'rejected', httpStatus: 400 }],
    ['expired client secret', identityError('AADSTS7000222: The provided client secret keys for app are expired.'), 'mailbox', { kind: 'credentials', errorCode: 'AADSTS7000222' }],
    ['wrong client secret', identityError('AADSTS7000215: Invalid client secret provided.'), 'mailbox', { kind: 'credentials', errorCode: 'AADSTS7000215' }],
    ['no admin consent', identityError('AADSTS65001: The user or administrator has not consented.'), 'mailbox', { kind: 'permission', errorCode: 'AADSTS65001' }],
    ['network failure', new TypeError('fetch failed'), 'event', { kind: 'transient' }],
    ['timeout', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'event', { kind: 'transient', errorCode: 'TimeoutError' }],
  ];
  it.each(cases)('%s', (_label, error, about, expected) => {
    const c = classifyGraphError(error, about);
    expect(c.kind).toBe(expected.kind);
    for (const key of ['retryAfterMs', 'errorCode', 'httpStatus'] as const) if (key in expected) expect(c.detail[key]).toBe(expected[key]);
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter(new Headers({ 'Retry-After': '3' }))).toBe(3000);
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfter(new Headers({ 'Retry-After': inTen }))).toBeGreaterThan(8_000);
    expect(retryAfter(new Headers())).toBeUndefined();
    expect(retryAfter(undefined)).toBeUndefined();
  });
});
