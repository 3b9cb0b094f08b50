import type { inputsSv } from '../sv/inputs.js';

/** English strings of this feature (same keys as sv/inputs.ts, checked by the type). */
export const inputsEn: typeof inputsSv = {};
