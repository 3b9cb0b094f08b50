import { TurnState } from '@microsoft/teams-ai';
import type { Activity, Storage, TurnContext } from 'botbuilder';

/** Which activities run a route that reads or writes teams-ai turn state. */
export type UsesTurnState = (activity: Partial<Activity>) => boolean;

/**
 * No route of ours keeps teams-ai turn state (conversation, user, temp): everything lives
 * in the versioned store. Loading it anyway cost two Redis reads on every turn. A route
 * that starts to use `state` adds its activity here.
 */
export const noRouteUsesTurnState: UsesTurnState = () => false;

/**
 * teams-ai loads and saves turn state around every turn; this one touches the storage only
 * for activities whose route uses it. For the others the state is an empty in-memory
 * object, as teams-ai gives when no storage is configured.
 */
export class RouteScopedTurnState extends TurnState {
  private stored = false;

  constructor(private readonly uses: UsesTurnState) {
    super();
  }

  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    this.stored = this.uses(context.activity);
    return super.load(context, this.stored ? storage : undefined);
  }

  override save(context: TurnContext, storage?: Storage): Promise<void> {
    return super.save(context, this.stored ? storage : undefined);
  }
}
