/**
 * What the LSP benchmark times of ours, bundled by shippedBuild.ts the way esbuild.mjs bundles
 * dist/server.js and dist/cli.js: the numbers are those of the code users run.
 */
export { buildModel, parseDocument, validate } from '../../server/src/asl';
export { checkSchema } from '../../server/src/asl/schema/checkSchema';
export { completeAt, hoverAt } from '../../server/src/asl/service';
