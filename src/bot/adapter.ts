import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config.js';

/**
 * The adapter's authentication settings. With BOT_ID every request to /api/messages must
 * carry a Bot Connector JWT (signature from the published keys, issuer, audience = BOT_ID,
 * expiry, serviceUrl claim). BOT_OPENID_METADATA_URL replaces only where the signing keys
 * come from (tests, sovereign clouds); every other value stays the public cloud's.
 */
export function botAuthConfig(c: Config): ConfigurationBotFrameworkAuthenticationOptions {
  if (!c.BOT_ID) return {};
  const credentials = { MicrosoftAppId: c.BOT_ID, MicrosoftAppPassword: c.BOT_PASSWORD, MicrosoftAppType: c.BOT_TYPE, MicrosoftAppTenantId: c.BOT_TENANT_ID };
  if (!c.BOT_OPENID_METADATA_URL) return credentials;
  return {
    ...credentials,
    // Setting one of these makes botbuilder expect all of them (a "parameterized" cloud).
    ToBotFromChannelOpenIdMetadataUrl: c.BOT_OPENID_METADATA_URL,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** jsonwebtoken's own errors (bad signature, malformed, not yet valid, expired). */
function isTokenError(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  return name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError';
}

/**
 * TeamsAdapter whose token failures are all 401: botbuilder passes some of jsonwebtoken's
 * errors (e.g. a signature made with another key under a known key id) through
 * unwrapped, which would otherwise become a 500.
 */
export class SamverkanAdapter extends TeamsAdapter {
  protected override processActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  protected override processActivity(
    authenticateRequestResult: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity(auth as string, activity, logic);
    } catch (e) {
      if (isTokenError(e)) throw new AuthenticationError('Unauthorized. Invalid token.', 401);
      throw e;
    }
  }
}
