import { RULE_MESSAGES } from './messages';
import { compactJsonSize, MAX_DEFINITION_BYTES, utf8Size } from '../jsonSize';
import type { Rule } from './rule';

/**
 * A definition above 1 MB is refused. JSON files are sent as written; YAML is converted
 * first, so its size is that of the JSON it becomes.
 */
export const definitionTooLarge: Rule = {
  code: 'ASL-DEFINITION-TOO-LARGE',
  severity: 'error',
  description: 'A state machine definition may not exceed 1 MB.',
  check: ({ document, model }, report) => {
    const root = model.root;
    if (root === undefined) return;
    let size: number;
    if (document.format === 'json') {
      // A character is at most 3 bytes (4 for a pair of 2 units): short texts cannot be too large.
      if (document.text.length * 3 <= MAX_DEFINITION_BYTES) return;
      size = utf8Size(document.text);
    } else {
      // YAML has no such bound: "{a, b}" becomes {"a":null,"b":null}, and aliases repeat nodes.
      size = compactJsonSize(root, MAX_DEFINITION_BYTES);
    }
    if (size <= MAX_DEFINITION_BYTES) return;
    report(
      root.properties[0]?.key ?? { offset: root.offset, length: 0 },
      RULE_MESSAGES.definitionTooLarge(size),
    );
  },
};
