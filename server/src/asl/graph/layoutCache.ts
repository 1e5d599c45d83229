/**
 * Laid-out pieces kept from one layout to the next, keyed by exactly what was given to ELK
 * (ids, sizes, edges, labels, options), so a hit is always the answer ELK would give again.
 * What the latest layout did not use is dropped at the start of the one after: the cache
 * holds about one picture, and an edit finds every chunk it did not touch.
 */
import type { Piece } from './layoutPiece';

export class LayoutCache {
  private current = new Map<string, Piece>();
  private previous = new Map<string, Piece>();

  /** Starts a layout: what the last one used stays available to this one. */
  startLayout(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string): Piece | undefined {
    const piece = this.current.get(key) ?? this.previous.get(key);
    if (piece !== undefined) this.current.set(key, piece);
    return piece;
  }

  set(key: string, piece: Piece): void {
    this.current.set(key, piece);
  }
}
