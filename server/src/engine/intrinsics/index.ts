/** The 18 intrinsic functions of Step Functions, evaluated over JSON values. */
export type { IntrinsicEnvironment } from './evaluate';
export { evaluateIntrinsic, evaluateIntrinsicText } from './evaluate';
export type { IntrinsicServices } from './functions';
export { IMPLEMENTATIONS } from './functions';
export { renderForFormat } from './render';
export { encodeBase64, decodeBase64 } from './base64';
export { hashText } from './hash';
export { seededInt } from './seededRandom';
