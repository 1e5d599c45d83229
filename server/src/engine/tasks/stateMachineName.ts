/**
 * The state machine's name (the key under a mocks file's "StateMachines", the name in ARNs and
 * the context object): the one given, or the workflow file's name without its extension.
 */
export function stateMachineName(file: string, given?: string): string {
  if (given !== undefined && given !== '') return given;
  const base = file.split(/[\\/]/).pop() ?? file;
  const stripped = base.replace(/(\.asl)?\.(json|ya?ml)$/i, '');
  return stripped === '' ? base : stripped;
}
