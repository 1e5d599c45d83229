/**
 * Edit distance between two strings (insertions, deletions and substitutions each cost 1).
 * With a `limit`, it gives up and returns `limit` as soon as no alignment can come in under it:
 * callers looking for a close name need not finish far ones.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? i) + 1,
        (current[j - 1] ?? i) + 1,
        (previous[j - 1] ?? i) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates close enough to `name` to be what was meant, closest first (at most three).
 * Case differences count for little: "processorder" is meant as "ProcessOrder".
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = Math.min(
      levenshtein(name, candidate),
      levenshtein(name.toLowerCase(), candidate.toLowerCase()) + 0.5,
    );
    if (distance <= limit) scored.push({ name: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, 3).map((s) => s.name);
}
