/** Numbers in [0, 1) from a linear congruential generator: the same sequence for the same seed, on every run. */
export function seededRandoms(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * `text` after one to three random edits, each deleting a character, inserting one drawn from
 * `alphabet`, or cutting the rest of the text off: what a fast parser's property tests feed it
 * to find the border between what it takes and what it leaves to the full parser.
 */
export function mutate(text: string, alphabet: string, random: () => number): string {
  let mutated = text;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * mutated.length);
    const roll = random();
    const char = alphabet[Math.floor(random() * alphabet.length)] ?? ' ';
    if (roll < 0.4) mutated = mutated.slice(0, at) + mutated.slice(at + 1);
    else if (roll < 0.8) mutated = mutated.slice(0, at) + char + mutated.slice(at);
    else mutated = mutated.slice(0, at);
  }
  return mutated;
}
