/** Swedish strings of this feature (part of the sv catalog). */
export const promiseSv = {};
