import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** An HTTP answer of the fakes: status, extra headers, JSON body. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * FakeGraph's Microsoft identity platform half: the two endpoints MSAL node 3.x calls for a
 * client-credentials token with disableInstanceDiscovery (the tenant's OpenID configuration,
 * then the token endpoint), with AAD's documented `AADSTS…` errors. Tokens are opaque and
 * remembered, so Graph calls can be checked against them.
 */
export class FakeIdentity {
  secretExpired = false;
  issued = 0;
  private readonly tokens = new Map<string, number>();

  constructor(
    readonly tenantId: string,
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  handle(method: string, url: URL, raw: string, headers: IncomingHttpHeaders, authority: string): Reply {
    const [tenant, ...rest] = url.pathname.slice(1).split('/');
    const route = `${method} /${rest.join('/')}`;
    const correlation = String(headers['client-request-id'] ?? url.searchParams.get('client-request-id') ?? randomUUID());
    const aad = (status: number, error: string, code: number, message: string): Reply => ({ status, body: aadError(authority, error, code, message, correlation) });

    if (route !== 'GET /v2.0/.well-known/openid-configuration' && route !== 'POST /oauth2/v2.0/token') return { status: 404, body: { error: 'not_found', error_description: `FakeGraph does not implement ${method} ${url.pathname}.` } };
    if (tenant !== this.tenantId) {
      const text = `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`;
      return aad(400, method === 'GET' ? 'invalid_tenant' : 'invalid_request', 90002, text);
    }
    if (method === 'GET') return { status: 200, body: openIdConfiguration(authority, tenant) };

    if (!String(headers['content-type']).startsWith('application/x-www-form-urlencoded')) return aad(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    const form = new URLSearchParams(raw);
    for (const name of ['grant_type', 'client_id', 'scope']) {
      if (!form.get(name)) return aad(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
    }
    if (form.get('grant_type') !== 'client_credentials') return aad(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.get('grant_type')}'.`);
    if (form.get('client_id') !== this.clientId) {
      return aad(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
    }
    const secret = form.get('client_secret');
    if (!secret) return aad(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (secret !== this.clientSecret) {
      return aad(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${this.clientId}'.`);
    }
    if (this.secretExpired) {
      return aad(401, 'invalid_client', 7000222, `The provided client secret keys for app '${this.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`);
    }
    const scope = form.get('scope')!;
    if (!scope.endsWith('/.default') || scope.includes(' ')) {
      return aad(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    if (scope !== GRAPH_SCOPE) {
      return aad(400, 'invalid_resource', 500011, `The resource principal named ${scope.slice(0, -'/.default'.length)} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, Date.now() + 3599_000);
    this.issued++;
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
  }

  tokenState(token: string): 'valid' | 'expired' | 'unknown' {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return expiresAt < Date.now() ? 'expired' : 'valid';
  }

  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }
}

/** A fault injected on an identity endpoint, in AAD's error shape unless the test gave a body. */
export function identityFaultBody(status: number): unknown {
  return { error: status === 429 || status >= 500 ? 'temporarily_unavailable' : 'invalid_request', error_description: `AADSTS90000: injected fault (HTTP ${status}).` };
}

/** Token requests are logged as fields, the secret masked so a failing test's output does not show it. */
export function redactForm(raw: string): { value?: unknown } {
  if (!raw) return {};
  const fields = Object.fromEntries(new URLSearchParams(raw));
  if (fields.client_secret) fields.client_secret = '<redacted>';
  return { value: fields };
}

/** The identity platform's OAuth error body, with its `AADSTS…` description and trace lines. */
function aadError(authority: string, error: string, code: number, message: string, correlationId: string): Record<string, unknown> {
  const traceId = randomUUID();
  const timestamp = `${new Date().toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${authority}/error?code=${code}`,
  };
}

function openIdConfiguration(base: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: 'graph.microsoft.com',
  };
}
