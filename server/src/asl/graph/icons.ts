/**
 * State-type icons, our own: 16×16 stroked outlines, drawn in the node's text colour so every
 * theme colours them. (The codicons font would need a package and a font-src; these do not.)
 */
const ICONS: Readonly<Record<string, string>> = {
  // A box with a bolt: work done by something else.
  Task: 'M2 3h12v10H2z M9 4.5 6.5 8.5h3L7 11.5',
  // A diamond: a decision.
  Choice: 'M8 1.5 14.5 8 8 14.5 1.5 8z',
  // Two lanes, side by side.
  Parallel: 'M2 2v12 M6 4h8v3H6z M6 9h8v3H6z',
  // Stacked items: one box per item.
  Map: 'M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z',
  // A clock.
  Wait: 'M8 1.5a6.5 6.5 0 1 0 0.01 0z M8 4v4.5l3 2',
  // An arrow through.
  Pass: 'M2 8h11 M9.5 4.5 13 8l-3.5 3.5',
  // A tick.
  Succeed: 'M2.5 8.5 6.5 12.5 13.5 4',
  // A cross.
  Fail: 'M3.5 3.5l9 9 M12.5 3.5l-9 9',
};

/** A question mark for states whose Type is missing or unknown. */
const UNKNOWN = 'M5.5 5.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v1 M8 12.5v1';

export function iconPath(type: string | null): string {
  return (type !== null ? ICONS[type] : undefined) ?? UNKNOWN;
}
