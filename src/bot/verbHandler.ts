import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/kit.js';
import type { Verb, VerbData } from '../../cards/verbs.js';
import type { RequestContext } from './requestContext.js';

/** Handles one Action.Execute verb and returns the card that replaces the pressed one. */
export type VerbHandler<V extends Verb> = (rc: RequestContext, data: VerbData<V>, ctx: TurnContext) => Promise<AdaptiveCard>;

/** A feature's handlers: exactly its verbs, so a missing or misspelled one breaks the build. */
export type VerbHandlers<V extends Verb> = { [K in V]: VerbHandler<K> };
