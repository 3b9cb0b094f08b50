import { AuthenticationRequiredError, ClientSecretCredential, CredentialUnavailableError } from '@azure/identity';
import { AuthenticationHandler, Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { Event } from '@microsoft/microsoft-graph-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGraph } from '../../support/fakeGraph.js';

// Contract self-test of FakeGraph with Microsoft's real clients: what the fake answers is
// what the bot's calendar code will see from them. No RetryHandler in the chain, so every
// fault reaches the caller as it would on the first attempt.

const SCOPE = 'https://graph.microsoft.com/.default';
const MAILBOX = 'styrgrupp@linkoping.example';
const EVENTS = `/users/${MAILBOX}/events`;

let fake: FakeGraph;

beforeEach(async () => {
  fake = await FakeGraph.start();
});

afterEach(async () => {
  await fake.stop();
});

function credential(over: { tenantId?: string; clientId?: string; secret?: string } = {}): ClientSecretCredential {
  return new ClientSecretCredential(over.tenantId ?? fake.tenantId, over.clientId ?? fake.clientId, over.secret ?? fake.clientSecret, {
    authorityHost: fake.authorityHost,
    // Without it MSAL asks login.microsoftonline.com (the real one) about the unknown host.
    disableInstanceDiscovery: true,
  });
}

function graph(cred = credential()): Client {
  const auth = new AuthenticationHandler(new TokenCredentialAuthenticationProvider(cred, { scopes: [SCOPE] }));
  auth.setNext(new HTTPMessageHandler());
  // customHosts: the AuthenticationHandler adds the Authorization header only for Graph's own
  // hosts or these (hostnames, no port); without it every call goes out unauthenticated (401).
  return Client.initWithMiddleware({ middleware: auth, baseUrl: fake.baseUrl, defaultVersion: 'v1.0', customHosts: new Set([new URL(fake.baseUrl).hostname]) });
}

async function rejection<T = GraphError>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (err) {
    return err as T;
  }
  throw new Error('expected the call to fail');
}

function meeting(over: Partial<Event> = {}): Event {
  return {
    subject: 'Styrgruppsmöte',
    body: { contentType: 'html', content: '<p>Dagordning</p>' },
    start: { dateTime: '2027-02-10T13:00:00', timeZone: 'Europe/Stockholm' },
    end: { dateTime: '2027-02-10T15:00:00', timeZone: 'Europe/Stockholm' },
    attendees: [{ emailAddress: { address: 'anna@linkoping.example', name: 'Anna' }, type: 'required' }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    transactionId: 'samverkan-meeting-1',
    ...over,
  };
}

const statusesOf = (method: string, pathPart: string) => fake.requests.filter((r) => r.method === method && r.path.includes(pathPart)).map((r) => r.status);

describe('identity platform', () => {
  it('one token for several Graph calls: discovery once, then a client-credentials request with the Graph scope', async () => {
    const client = graph();
    await client.api(EVENTS).post(meeting());
    await client.api(EVENTS).post(meeting({ transactionId: 'samverkan-meeting-2' }));
    await client.api(`/users/${MAILBOX}`).get().catch(() => undefined);

    expect(fake.counts().tokens).toBe(1);
    expect(statusesOf('GET', '/v2.0/.well-known/openid-configuration')).toEqual([200]);
    const tokenRequests = fake.requests.filter((r) => r.path === `/${fake.tenantId}/oauth2/v2.0/token`);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.body).toMatchObject({ grant_type: 'client_credentials', client_id: fake.clientId, scope: SCOPE, client_secret: '<redacted>' });
  });

  it('an expired secret: the credential throws AuthenticationRequiredError whose message carries AADSTS7000222', async () => {
    fake.expireSecret();
    const cred = credential();
    // @azure/identity 4.13 turns MSAL's ServerError into AuthenticationRequiredError (handleMsalError):
    // no statusCode/errorResponse properties, only `message` = "invalid_client: Error(s): 7000222 - … AADSTS7000222: …".
    const err = await rejection<AuthenticationRequiredError>(cred.getToken(SCOPE));
    expect(err).toBeInstanceOf(AuthenticationRequiredError);
    expect(err.name).toBe('AuthenticationRequiredError');
    expect(err.message).toMatch(/^invalid_client: .*AADSTS7000222: The provided client secret keys for app 'samverkan-test-app' are expired/);
    expect(err.scopes).toEqual([SCOPE]);

    // Through the Graph client the same error arrives wrapped: GraphError, statusCode -1, code = the error's name.
    const viaGraph = await rejection(graph(credential()).api(EVENTS).post(meeting()));
    expect(viaGraph).toBeInstanceOf(GraphError);
    expect([viaGraph.statusCode, viaGraph.code]).toEqual([-1, 'AuthenticationRequiredError']);
    expect(viaGraph.message).toContain('AADSTS7000222');
    expect(fake.counts()).toMatchObject({ tokens: 0, creates: 0 });
    expect(statusesOf('POST', '/oauth2/v2.0/token')).toEqual([401, 401]);
  });

  it('a wrong secret (AADSTS7000215), an unknown app (AADSTS700016), an unknown tenant (discovery fails: CredentialUnavailableError)', async () => {
    const wrong = await rejection<Error>(credential({ secret: 'not-it' }).getToken(SCOPE));
    expect(wrong).toBeInstanceOf(AuthenticationRequiredError);
    expect(wrong.message).toContain('AADSTS7000215: Invalid client secret provided');

    const unknownApp = await rejection<Error>(credential({ clientId: 'someone-else' }).getToken(SCOPE));
    expect(unknownApp.message).toMatch(/^unauthorized_client: .*AADSTS700016: Application with identifier 'someone-else' was not found/);

    // MSAL reads the tenant's OpenID configuration first; its 400 ends the attempt before any token request.
    const unknownTenant = await rejection<Error>(credential({ tenantId: '11111111-1111-1111-1111-111111111111' }).getToken(SCOPE));
    expect(unknownTenant).toBeInstanceOf(CredentialUnavailableError);
    expect(fake.requests.filter((r) => r.path.startsWith('/11111111-')).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 400']);
    expect(fake.counts().tokens).toBe(0);
  });

  it('Graph refuses a request without a token, or with one the fake did not issue (401 InvalidAuthenticationToken)', async () => {
    const none = await fetch(`${fake.baseUrl}/v1.0${EVENTS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(meeting()) });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    const forged = await fetch(`${fake.baseUrl}/v1.0/users/${MAILBOX}`, { headers: { authorization: 'Bearer forged' } });
    expect(forged.status).toBe(401);
    expect(fake.counts().creates).toBe(0);
  });

  it('expireTokens: Graph answers 401 while the credential keeps serving its cached token', async () => {
    const client = graph();
    await client.api(EVENTS).post(meeting());
    fake.expireTokens();
    const err = await rejection(client.api(EVENTS).post(meeting({ transactionId: 'samverkan-meeting-2' })));
    expect([err.statusCode, err.code, err.message]).toEqual([401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.']);
    expect(fake.counts()).toMatchObject({ tokens: 1, creates: 1 });
  });
});

describe('users', () => {
  beforeEach(() => {
    fake.addUser({ id: 'u-1', displayName: 'Anna Andersson', mail: 'anna@linkoping.example', userPrincipalName: 'anna@linkoping.example' });
    fake.addUser({ id: 'u-2', displayName: 'Bo Berg', mail: null, userPrincipalName: 'bo@polisen.example' });
    fake.addUser({ id: 'u-3', displayName: 'Cecilia Carlsson', userPrincipalName: 'cecilia@linkoping.example' });
  });

  it("$filter=id in (…) answers only the users that exist, with the $select'ed properties", async () => {
    const res = (await graph().api('/users').filter("id in ('u-1','u-3','u-gone')").select('id,displayName,mail').get()) as { value: unknown[] };
    expect(res.value).toEqual([
      { id: 'u-1', displayName: 'Anna Andersson', mail: 'anna@linkoping.example' },
      { id: 'u-3', displayName: 'Cecilia Carlsson', mail: null },
    ]);
  });

  it('more than 15 ids in one filter is a 400', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `'u-${i}'`).join(',');
    const err = await rejection(graph().api('/users').filter(`id in (${ids})`).get());
    expect([err.statusCode, err.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });

  it('GET /users/{upn}: the user, or 404 Request_ResourceNotFound', async () => {
    expect(await graph().api('/users/bo@polisen.example').select('id,displayName').get()).toMatchObject({ id: 'u-2', displayName: 'Bo Berg' });
    const err = await rejection(graph().api('/users/nobody@linkoping.example').get());
    expect([err.statusCode, err.code]).toEqual([404, 'Request_ResourceNotFound']);
  });
});

describe('calendar events', () => {
  it('create: 201 with a Teams join URL; times answered in UTC unless Prefer: outlook.timezone; kept in the zone sent', async () => {
    const created = (await graph().api(EVENTS).post(meeting())) as Event;
    expect(statusesOf('POST', EVENTS)).toEqual([201]);
    expect(created.id).toMatch(/^AAMkA[\w=-]{100,}$/);
    expect(created.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
    expect(created.webLink).toBe(`https://outlook.office365.com/owa/?itemid=${encodeURIComponent(created.id!)}&exvsurl=1&path=/calendar/item`);
    expect(created.transactionId).toBe('samverkan-meeting-1');
    expect(created.start).toEqual({ dateTime: '2027-02-10T12:00:00.0000000', timeZone: 'UTC' });
    expect(created.attendees).toEqual([{ emailAddress: { address: 'anna@linkoping.example', name: 'Anna' }, type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' } }]);

    const local = (await graph().api(`${EVENTS}/${created.id}`).header('Prefer', 'outlook.timezone="W. Europe Standard Time"').get()) as Event;
    expect(local.end).toEqual({ dateTime: '2027-02-10T15:00:00.0000000', timeZone: 'W. Europe Standard Time' });

    expect(fake.events()).toHaveLength(1);
    expect(fake.events()[0]).toMatchObject({ id: created.id, start: { dateTime: '2027-02-10T13:00:00.0000000', timeZone: 'Europe/Stockholm' }, isCancelled: false });
    expect(fake.counts().creates).toBe(1);
  });

  it('the same transactionId again answers the existing event (no second one); a different event under it is a 400', async () => {
    const client = graph();
    const first = (await client.api(EVENTS).post(meeting())) as Event;
    const again = (await client.api(EVENTS).post(meeting())) as Event;
    expect(again.id).toBe(first.id);
    expect(again.onlineMeeting?.joinUrl).toBe(first.onlineMeeting?.joinUrl);
    expect(statusesOf('POST', EVENTS)).toEqual([201, 201]);
    expect(fake.events()).toHaveLength(1);
    expect(fake.counts().creates).toBe(1);

    const other = await rejection(client.api(EVENTS).post(meeting({ subject: 'Något annat' })));
    expect([other.statusCode, other.code]).toEqual([400, 'ErrorDuplicateTransactionId']);
    expect(fake.events()).toHaveLength(1);
  });

  it('PATCH start/end: 200 with the moved event, same join URL; transactionId cannot change; unknown id is 404', async () => {
    const client = graph();
    const created = (await client.api(EVENTS).post(meeting())) as Event;
    const moved = (await client
      .api(`${EVENTS}/${created.id}`)
      .patch({ start: { dateTime: '2027-03-03T09:30:00', timeZone: 'Europe/Stockholm' }, end: { dateTime: '2027-03-03T11:00:00', timeZone: 'Europe/Stockholm' } })) as Event;
    expect(statusesOf('PATCH', created.id!)).toEqual([200]);
    expect(moved.start).toEqual({ dateTime: '2027-03-03T08:30:00.0000000', timeZone: 'UTC' });
    expect(moved.onlineMeeting?.joinUrl).toBe(created.onlineMeeting?.joinUrl);
    expect(fake.events()[0]!.end).toEqual({ dateTime: '2027-03-03T11:00:00.0000000', timeZone: 'Europe/Stockholm' });

    const changeTx = await rejection(client.api(`${EVENTS}/${created.id}`).patch({ transactionId: 'another' }));
    expect(changeTx.statusCode).toBe(400);
    const unknown = await rejection(client.api(`${EVENTS}/AAMkAnope=`).patch({ subject: 'x' }));
    expect([unknown.statusCode, unknown.code, unknown.message]).toEqual([404, 'ErrorItemNotFound', 'The specified object was not found in the store.']);
    expect(fake.counts().updates).toBe(1);
  });

  it('cancel: 202 with no body; the event is kept as cancelled and is gone for Graph (404 on GET, PATCH and a second cancel)', async () => {
    const client = graph();
    const created = (await client.api(EVENTS).post(meeting())) as Event;
    // A 202 without content-type: graph-client 3.0.7 resolves with the raw (empty) body stream,
    // not undefined; errors still reject as GraphError. The caller can cancel or ignore it.
    const answer: unknown = await client.api(`${EVENTS}/${created.id}/cancel`).post({ Comment: 'Inställt' });
    expect(answer).toBeInstanceOf(ReadableStream);
    expect(await new Response(answer as ReadableStream).text()).toBe('');
    expect(statusesOf('POST', '/cancel')).toEqual([202]);
    expect(fake.events()).toHaveLength(1);
    expect(fake.events()[0]).toMatchObject({ isCancelled: true, cancelComment: 'Inställt' });

    for (const call of [client.api(`${EVENTS}/${created.id}`).get(), client.api(`${EVENTS}/${created.id}`).patch({ subject: 'x' }), client.api(`${EVENTS}/${created.id}/cancel`).post({})]) {
      expect((await rejection(call)).statusCode).toBe(404);
    }
    expect(fake.counts().cancels).toBe(1);
  });

  it("cancel accepts only the documented 'Comment' parameter", async () => {
    const created = (await graph().api(EVENTS).post(meeting())) as Event;
    const err = await rejection(graph().api(`${EVENTS}/${created.id}/cancel`).post({ comment: 'lowercase' }));
    expect([err.statusCode, err.code]).toEqual([400, 'RequestBodyRead']);
    expect(fake.events()[0]!.isCancelled).toBe(false);
  });

  it.each([
    ['an unknown property', { onlineMeetingUrl2: 'x' }, 'RequestBodyRead'],
    ['a read-only property', { iCalUId: 'x' }, 'ErrorInvalidPropertySet'],
    ['a dateTime with Z', { start: { dateTime: '2027-02-10T13:00:00Z', timeZone: 'UTC' } }, 'ErrorPropertyValidationFailure'],
    ['an impossible date', { start: { dateTime: '2027-02-30T13:00:00', timeZone: 'UTC' } }, 'ErrorPropertyValidationFailure'],
    ['end before start', { end: { dateTime: '2027-02-10T12:00:00', timeZone: 'Europe/Stockholm' } }, 'ErrorPropertyValidationFailure'],
    ['an unknown time zone', { end: { dateTime: '2027-02-10T15:00:00', timeZone: 'Mars/Olympus' } }, 'TimeZoneNotSupportedException'],
    ['an attendee type outside the enum', { attendees: [{ emailAddress: { address: 'a@b.example' }, type: 'mandatory' as 'required' }] }, 'RequestBodyRead'],
    ['an attendee without an e-mail address', { attendees: [{ emailAddress: { address: 'Anna Andersson' }, type: 'required' as const }] }, 'ErrorPropertyValidationFailure'],
    ['an unknown online meeting provider', { onlineMeetingProvider: 'zoom' as 'unknown' }, 'RequestBodyRead'],
  ])('create with %s is a 400 and creates nothing', async (_what, over, code) => {
    const err = await rejection(graph().api(EVENTS).post(meeting(over as Partial<Event>)));
    expect([err.statusCode, err.code]).toEqual([400, code]);
    expect(fake.events()).toHaveLength(0);
    expect(fake.counts().creates).toBe(0);
  });

  it('a forbidden mailbox is 403 ErrorAccessDenied until allowed again; a mailbox that does not exist is 404 ErrorInvalidUser', async () => {
    fake.forbidMailbox(MAILBOX);
    const forbidden = await rejection(graph().api(EVENTS).post(meeting()));
    expect([forbidden.statusCode, forbidden.code, forbidden.message]).toEqual([403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.']);
    // Graph's innerError is parsed by the client into requestId/date.
    expect(forbidden.requestId).toMatch(/^[0-9a-f-]{36}$/);

    fake.allowMailbox(MAILBOX);
    expect(((await graph().api(EVENTS).post(meeting())) as Event).id).toBe(fake.events()[0]!.id);

    const unknown = await rejection(graph().api('/users/ingen@linkoping.example/events').post(meeting({ transactionId: 'other-mailbox' })));
    expect([unknown.statusCode, unknown.code, unknown.message]).toEqual([404, 'ErrorInvalidUser', "The requested user 'ingen@linkoping.example' is invalid."]);
    expect(fake.counts().creates).toBe(1);
  });
});

describe('faults', () => {
  it('429: GraphError with statusCode 429 and the Retry-After header; the next attempt goes through', async () => {
    fake.fault = ({ method, path, attempt }) => (method === 'POST' && path === `/v1.0${EVENTS}` && attempt === 1 ? FakeGraph.throttled(2) : undefined);
    const client = graph();
    const err = await rejection(client.api(EVENTS).post(meeting()));
    expect(err).toBeInstanceOf(GraphError);
    expect([err.statusCode, err.code]).toEqual([429, 'TooManyRequests']);
    // graph-client 3.0.7 keeps the fetch Response's Headers on the error (GraphError.headers,
    // typed `Headers | undefined`): a caller reads `Number(err.headers?.get('Retry-After'))` seconds.
    expect(err.headers?.get('Retry-After')).toBe('2');

    const created = (await client.api(EVENTS).post(meeting())) as Event;
    expect(created.id).toBe(fake.events()[0]!.id);
    expect(statusesOf('POST', EVENTS)).toEqual([429, 201]);
    expect(fake.counts().creates).toBe(1);
  });

  it('dropResponse: the client sees a network error (statusCode -1), yet the event exists; the retry with its transactionId finds it', async () => {
    fake.fault = ({ method, path, attempt }) => (method === 'POST' && path === `/v1.0${EVENTS}` && attempt === 1 ? { dropResponse: true } : undefined);
    const client = graph();
    const err = await rejection(client.api(EVENTS).post(meeting()));
    expect(err).toBeInstanceOf(GraphError);
    // No response: the Graph client wraps fetch's TypeError('fetch failed') as statusCode -1, code 'TypeError'.
    expect([err.statusCode, err.code, err.message]).toEqual([-1, 'TypeError', 'fetch failed']);
    expect(fake.events()).toHaveLength(1);
    expect(fake.requests.at(-1)).toMatchObject({ status: 201, dropped: true });

    const retried = (await client.api(EVENTS).post(meeting())) as Event;
    expect(retried.id).toBe(fake.events()[0]!.id);
    expect(fake.counts().creates).toBe(1);
  });

  it('a 503 from the token endpoint is retried inside @azure/identity (its HTTP pipeline), not surfaced', async () => {
    fake.fault = ({ method, path, attempt }) => (method === 'POST' && path.endsWith('/oauth2/v2.0/token') && attempt === 1 ? { status: 503, headers: { 'Retry-After': '0' } } : undefined);
    const token = await credential().getToken(SCOPE);
    expect(token.token).toMatch(/^[\w-]{43}$/);
    expect(statusesOf('POST', '/oauth2/v2.0/token')).toEqual([503, 200]);
    expect(fake.counts().tokens).toBe(1);
  });
});
