/** JSONPath evaluation over JSON values, and writing at reference paths (ResultPath). */
export type { ContextSource, PathRoots, Variables } from './evaluate';
export { isJsonObject } from '../json';
export { child, evaluatePath, rootValue, rootsOf, selectMatches } from './evaluate';
export { explainMissing, normalizedPath } from './explain';
export { jsonEquals } from './equals';
export { writeAtPath } from './write';
export { pathNotFound, requirePath } from './require';
