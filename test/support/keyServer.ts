import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** The Bot Connector's token issuer (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A local stand-in for login.botframework.com: OpenID metadata and a JWKS with one RSA
 * key (endorsed for msteams) whose private half the test holds, so it can mint Bot
 * Connector tokens — valid ones and every kind of bad one.
 */
export class KeyServer {
  readonly kid = 'test-key-1';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { n?: string; e?: string };
  private server?: Server;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' }) as { n?: string; e?: string };
  }

  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/.well-known/keys') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: this.publicJwk.n, e: this.publicJwk.e, endorsements: ['msteams'] }] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A token as the Bot Connector signs it; `claims`/`opts` override to make bad ones. */
  token(appId: string, serviceUrl: string, claims: Record<string, unknown> = {}, opts: { key?: KeyObject; kid?: string; expiresInSeconds?: number } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + (opts.expiresInSeconds ?? 3600), ...claims };
    return jwt.sign(payload, opts.key ?? this.privateKey, { algorithm: 'RS256', keyid: opts.kid ?? this.kid, noTimestamp: true });
  }

  /** The same claims, unsigned (`alg: none`). */
  unsignedToken(appId: string, serviceUrl: string): string {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${enc({ alg: 'none', typ: 'JWT', kid: this.kid })}.${enc({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 })}.`;
  }
}

/** Another RSA key, unknown to the key server. */
export const strangerKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
