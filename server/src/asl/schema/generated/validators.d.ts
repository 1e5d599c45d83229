// Types of the generated validators (validators.js beside this file, one export per schema of
// server/src/asl/schema/ajvInstance.ts VALIDATOR_SCHEMAS). Kept by hand: the names are checked
// by test/unit/schema/generatedValidators.test.ts.
import type { ValidateFunction } from 'ajv';

export declare const stateChoice: ValidateFunction;
export declare const stateFail: ValidateFunction;
export declare const stateMap: ValidateFunction;
export declare const stateParallel: ValidateFunction;
export declare const statePass: ValidateFunction;
export declare const stateSucceed: ValidateFunction;
export declare const stateTask: ValidateFunction;
export declare const stateWait: ValidateFunction;
export declare const scope_machine: ValidateFunction;
export declare const scope_branch: ValidateFunction;
export declare const scope_itemProcessor: ValidateFunction;
export declare const scope_iterator: ValidateFunction;
export declare const stateType: ValidateFunction;
