import type { promiseSv } from '../sv/promise.js';

/** English strings of this feature (same keys as sv/promise.ts, checked by the type). */
export const promiseEn: typeof promiseSv = {};
