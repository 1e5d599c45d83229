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
 * The candidates close enough to `name` to be what was meant, closest first (at most three),
 * ties in alphabetical order. Case differences count for little: "processorder" is meant as
 * "ProcessOrder". Both the diagnostics ("did you mean ...?") and the quick fixes use this, so
 * they always name the same state first.
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const folded = name.toLowerCase();
  const scored: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const caseless = levenshtein(folded, candidate.toLowerCase(), limit + 1);
    if (caseless > limit) continue;
    const distance = Math.min(levenshtein(name, candidate, limit + 1), caseless + 0.5);
    scored.push({ name: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, 3).map((s) => s.name);
}

/** The likeliest of closestNames, for a message. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return closestNames(name, candidates)[0];
}
