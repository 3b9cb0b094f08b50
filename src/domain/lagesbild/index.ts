/**
 * The lägesbild (situational picture): compile the forums' inspel for a meeting into a
 * snapshot, and cut a view of it for an audience. Everything here is pure.
 */
export { COMPILE_VERSION, compileLagesbild, type CompileAnswer, type CompileInput } from './compile.js';
export { viewFor } from './view.js';
export { lagesbildSnapshotSchema, lagesbildViewSchema } from './schema.js';
export type * from './schema.js';
export { SIMILARITY_THRESHOLD } from './similarity.js';
export { priorityWeights } from './questionGroups.js';
