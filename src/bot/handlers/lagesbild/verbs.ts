import type { lagesbildVerbSchemas } from '../../../../cards/lagesbild/verbs.js';
import type { VerbHandlers } from '../../verbHandler.js';

/** Action.Execute handlers of this feature. */
export const lagesbildVerbHandlers: VerbHandlers<keyof typeof lagesbildVerbSchemas> = {};
