import * as fs from 'node:fs';
import * as path from 'node:path';
import { conformanceDirectory } from '../../support/conformance';

/** A definition AWS accepted: every example of the repository and every recorded conformance case. */
export interface CorpusEntry {
  readonly name: string;
  readonly fileName: string;
  readonly text: string;
}

const ROOT = path.join(__dirname, '..', '..', '..');

export { conformanceDirectory };

export function exampleEntries(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const walk = (dir: string): void => {
    for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (/\.asl\.(json|ya?ml)$/.test(item.name)) {
        entries.push({
          name: path.relative(ROOT, full),
          fileName: item.name,
          text: fs.readFileSync(full, 'utf8'),
        });
      }
    }
  };
  walk(path.join(ROOT, 'examples'));
  return entries;
}

/** Each case's `definition`, printed as the JSON a user would have in a file. */
export function conformanceEntries(): CorpusEntry[] {
  const dir = conformanceDirectory();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || !('definition' in parsed)) return [];
      return [{ name: file, fileName: `${file}.asl.json`, text: JSON.stringify(parsed.definition, null, 2) }];
    });
}
