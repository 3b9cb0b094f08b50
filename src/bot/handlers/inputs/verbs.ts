import type { inputsVerbSchemas } from '../../../../cards/inputs/verbs.js';
import type { VerbHandlers } from '../../verbHandler.js';

/** Action.Execute handlers of this feature. */
export const inputsVerbHandlers: VerbHandlers<keyof typeof inputsVerbSchemas> = {};
