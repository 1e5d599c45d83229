/**
 * The candidate closest to a misspelt word, or undefined when none is close enough to be a
 * plausible typo. Case differences count as nothing ("next" → "Next"); otherwise the distance is
 * the number of single-character insertions, deletions, substitutions and swaps of neighbours.
 * A word that is the start of a candidate ("Role" for "RoleArn") suggests the shortest such
 * candidate when nothing is closer.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const budget = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : completion(word, candidates);
}

function completion(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 2) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  for (const candidate of candidates) {
    if (candidate === word || !candidate.toLowerCase().startsWith(lower)) continue;
    if (best === undefined || candidate.length < best.length) best = candidate;
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein plus transposition of adjacent characters. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
    }
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
