import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as prettier from 'prettier';
import { VALIDATOR_SCHEMAS } from '../../../server/src/asl/schema/ajvInstance';
import { validatorsModuleSource } from '../../../server/src/asl/schema/build/validatorsModule';
import * as generated from '../../../server/src/asl/schema/generated/validators.js';
import { assertGolden } from '../../support/golden';

/**
 * The validators are compiled from the schema at build time and committed. This checks that the
 * committed module is what the schema compiles to today (UPDATE_GOLDEN=1 regenerates it), and
 * that its hand-written type declarations name exactly its exports.
 */
const folder = path.join(__dirname, '..', '..', '..', 'server', 'src', 'asl', 'schema', 'generated');
const modulePath = path.join(folder, 'validators.js');

describe('generated validators', () => {
  test('generated/validators.js is current with the schema', async () => {
    const options = (await prettier.resolveConfig(modulePath)) ?? {};
    const source = await prettier.format(validatorsModuleSource(), { ...options, filepath: modulePath });
    assertGolden(modulePath, source);
  });

  test('the declarations file names every generated validator, and nothing else', () => {
    const declarations = fs.readFileSync(path.join(folder, 'validators.d.ts'), 'utf8');
    const declared = [...declarations.matchAll(/export declare const (\w+): ValidateFunction;/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(declared.sort(), Object.keys(VALIDATOR_SCHEMAS).sort());
    // The module is CommonJS: the import adds its `default` namespace beside the named exports.
    const exported = Object.keys(generated).filter((name) => name !== 'default');
    assert.deepEqual(exported.sort(), Object.keys(VALIDATOR_SCHEMAS).sort());
  });
});
