// The OAuthCard that asks Teams for SSO: with a tokenExchangeResource whose uri
// is the app's Application ID URI (api://botid-{appId}), Teams silently gets a
// token for the user and sends it back in a signin/tokenExchange invoke. The
// sign-in button is the fallback when silent SSO is not possible.
import { randomUUID } from 'node:crypto';
import type { Attachment } from '@microsoft/agents-activity';
import { CardFactory, type SignInResource } from '@microsoft/agents-hosting';

export interface SignInCardOptions {
  /** OAuth connection name of the Azure Bot resource (SSO_OAUTH_CONNECTION_NAME). */
  connectionName: string;
  /** The bot's app id; the exchange resource is api://botid-{appId} unless resourceUri is given. */
  appId: string;
  resourceUri?: string;
  /** Sign-in link from the Bot Framework token service (UserTokenClient.getSignInResource), when one is configured. */
  signInLink?: string;
  text?: string;
}

export function buildSignInCard(opts: SignInCardOptions): Attachment {
  const resource = {
    signInLink: opts.signInLink ?? '',
    tokenExchangeResource: { id: randomUUID(), uri: opts.resourceUri ?? `api://botid-${opts.appId}`, providerId: undefined },
    tokenPostResource: { sasUrl: undefined },
  } as unknown as SignInResource;
  return CardFactory.oauthCard(opts.connectionName, 'Sign in', opts.text ?? 'Sign in so I can reach your Microsoft 365 files on your behalf. I will only see what you can see.', resource, true);
}
