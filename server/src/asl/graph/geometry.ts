/**
 * Sizes the layout gives nodes and labels. They are fixed (names are cut to fit, the tooltip
 * has the rest) so that editing a state's text never changes the picture's geometry: only edits
 * to the structure lay the graph out again. The renderer draws with the same numbers.
 */
export const STATE_WIDTH = 200;
export const STATE_HEIGHT = 46;
export const MARKER_SIZE = 22;
export const MISSING_HEIGHT = 28;
/** Room at the top of a Parallel or Map for its name, and of a cluster for its label. */
export const COMPOUND_HEADER = 40;
export const CLUSTER_HEADER = 24;
export const COMPOUND_PADDING = 12;
export const LABEL_HEIGHT = 16;
export const LABEL_FONT_SIZE = 11;
export const DETAIL_FONT_SIZE = 11;
/** Characters of a state's name and its detail line that fit in STATE_WIDTH. */
export const NAME_MAX_CHARS = 18;
export const DETAIL_MAX_CHARS = 26;

/** Average advance of a character of the UI font at `fontSize`: an estimate, good enough for boxes. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.6);
}

export function labelWidth(text: string): number {
  return textWidth(text, LABEL_FONT_SIZE) + 8;
}

export function missingWidth(label: string): number {
  return Math.max(90, textWidth(`? ${label}`, DETAIL_FONT_SIZE) + 20);
}

/** A jump stands in for a long edge: a small pill naming the target. */
export function jumpWidth(target: string): number {
  return textWidth(`↪ ${target}`, DETAIL_FONT_SIZE) + 18;
}
export const JUMP_HEIGHT = 22;

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
