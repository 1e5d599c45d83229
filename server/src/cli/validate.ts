import { formatDiagnosticLine, validate, type AslDiagnostic } from '../asl';
import { choiceOption, parseArgs } from './args';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { loadDocument, type LoadedDocument } from './loadDocument';

export const VALIDATE_USAGE = `Usage: stepwise validate FILE... [--format text|json]

Checks workflow definitions (.asl.json, .asl.yaml) and prints one line per problem:
  file:line:column: severity code: message
Exits with 1 when any file has errors, 2 when a file cannot be read.

Options:
  --format text|json   text (default) for people, json for tools`;

interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly AslDiagnostic[];
  readonly document: LoadedDocument;
}

export async function validateCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const parsed = parseArgs(args, { format: 'value' });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const, 'text');
  if (parsed.positionals.length === 0) throw new UsageError('validate needs at least one FILE');

  const reports: FileReport[] = [];
  for (const file of parsed.positionals) {
    const document = await loadDocument(io, file);
    reports.push({ file, diagnostics: validate(document.parsed, {}, document.model), document });
  }
  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  if (format === 'json') {
    io.out(
      JSON.stringify(
        { files: reports.map(toJsonReport), errorCount: errors, warningCount: warnings },
        null,
        2,
      ),
    );
  } else {
    for (const report of reports) {
      for (const d of report.diagnostics)
        io.out(formatDiagnosticLine(report.file, report.document.parsed.lines, d));
    }
    io.out(
      `${plural(reports.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
    );
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

function count(reports: readonly FileReport[], severity: AslDiagnostic['severity']): number {
  return reports.reduce((sum, r) => sum + r.diagnostics.filter((d) => d.severity === severity).length, 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toJsonReport(report: FileReport): unknown {
  const lines = report.document.parsed.lines;
  return {
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: { start: lines.positionAt(d.offset), end: lines.positionAt(d.offset + d.length) },
      offset: d.offset,
      length: d.length,
    })),
  };
}
