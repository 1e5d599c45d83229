import {
  BRANCH_FIELDS,
  CATCHER_FIELDS,
  CHOICE_RULE_FIELDS,
  CREDENTIALS_FIELDS,
  isStateType,
  ITEM_BATCHER_FIELDS,
  ITEM_READER_FIELDS,
  MACHINE_FIELDS,
  NESTED_RULE_FIELDS,
  PROCESSOR_CONFIG_FIELDS,
  PROCESSOR_FIELDS,
  READER_CONFIG_FIELDS,
  RESULT_WRITER_FIELDS,
  RETRIER_FIELDS,
  STATE_FIELDS,
  WRITER_CONFIG_FIELDS,
  type FieldDoc,
} from './docs';
import type { QueryLanguage } from '../rules/context';
import type { Role } from './roles';

/** Every field an object of this role may have, whatever the query language. */
function fieldsFor(role: Role): readonly FieldDoc[] {
  switch (role.kind) {
    case 'machine':
      return MACHINE_FIELDS;
    case 'branch':
      return BRANCH_FIELDS;
    case 'processor':
      return PROCESSOR_FIELDS;
    case 'processorConfig':
      return PROCESSOR_CONFIG_FIELDS;
    case 'state':
      return stateFields(role.state?.type);
    case 'retrier':
      return RETRIER_FIELDS;
    case 'catcher':
      return CATCHER_FIELDS;
    case 'choiceRule':
      return CHOICE_RULE_FIELDS;
    case 'nestedRule':
      return NESTED_RULE_FIELDS;
    case 'itemReader':
      return ITEM_READER_FIELDS;
    case 'readerConfig':
      return READER_CONFIG_FIELDS;
    case 'itemBatcher':
      return ITEM_BATCHER_FIELDS;
    case 'resultWriter':
      return RESULT_WRITER_FIELDS;
    case 'writerConfig':
      return WRITER_CONFIG_FIELDS;
    case 'credentials':
      return CREDENTIALS_FIELDS;
    default:
      return [];
  }
}

/** The fields of this role that its query language allows. */
export function allowedFields(role: Role): readonly FieldDoc[] {
  return fieldsFor(role).filter((f) => allows(f, role.queryLanguage));
}

export function allows(field: FieldDoc, language: QueryLanguage): boolean {
  return field.queryLanguage === 'both' || field.queryLanguage === language;
}

/** The documentation of one field of this role. */
export function fieldDoc(role: Role, name: string): FieldDoc | undefined {
  return fieldsFor(role).find((f) => f.name === name);
}

const byType = new Map<string, readonly FieldDoc[]>();

/** The fields of a state type; for a missing or unknown Type, the fields of every type. */
function stateFields(type: string | undefined): readonly FieldDoc[] {
  const key = isStateType(type) ? type : '';
  const cached = byType.get(key);
  if (cached !== undefined) return cached;
  const seen = new Set<string>();
  const fields = STATE_FIELDS.filter((f) => {
    if (isStateType(type) && !f.types.includes(type)) return false;
    if (seen.has(f.name)) return false;
    seen.add(f.name);
    return true;
  });
  byType.set(key, fields);
  return fields;
}
