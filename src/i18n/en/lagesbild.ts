import type { lagesbildSv } from '../sv/lagesbild.js';

/** English strings of this feature (same keys as sv/lagesbild.ts, checked by the type). */
export const lagesbildEn: typeof lagesbildSv = {};
