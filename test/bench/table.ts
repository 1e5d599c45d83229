export interface TableOptions {
  /** Left-align the first column (row labels) instead of right-aligning it like the numbers. */
  readonly labels?: boolean;
}

/** Prints rows as a right-aligned plain-text table; the first row is the header. */
export function printTable(rows: readonly (readonly string[])[], options: TableOptions = {}): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const pad = (cell: string, column: number): string =>
    options.labels === true && column === 0
      ? cell.padEnd(widths[column] ?? 0)
      : cell.padStart(widths[column] ?? 0);
  for (const [index, row] of rows.entries()) {
    console.log(row.map(pad).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}
