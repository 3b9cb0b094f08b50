import type { promiseVerbSchemas } from '../../../../cards/promise/verbs.js';
import type { VerbHandlers } from '../../verbHandler.js';

/** Action.Execute handlers of this feature. */
export const promiseVerbHandlers: VerbHandlers<keyof typeof promiseVerbSchemas> = {};
