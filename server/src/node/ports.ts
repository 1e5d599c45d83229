/**
 * The world as the engine's ports see it when a workflow runs in Node (the CLI, the debug
 * adapter): wall-clock time, crypto for ids and random numbers, the file system for the
 * distributed Map's ItemReader and ResultWriter.
 */
import { randomUUID, randomInt } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createVirtualClock, lastTimestamp, type ExecutionState } from '../engine';
import type { FileLocation, FileStore } from '../engine/files';
import type { Clock, IdSource, RandomSource } from '../engine/ports';

/** Wall-clock time: Wait states and Retry intervals take as long as they say (`clock: real`). */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * The clock of a run: real time when asked; otherwise a virtual clock, from now for a new run
 * or from the last recorded event of one that continues (a redrive's ExecutionRedriven is now).
 */
export function clockFor(choice: 'virtual' | 'real', continued?: ExecutionState): Clock {
  if (choice === 'real') return realClock;
  if (continued === undefined) return createVirtualClock(Date.now());
  return createVirtualClock(lastTimestamp(continued));
}

export const nodeIds: IdSource = { uuid: () => randomUUID() };

/** 48 random bits scaled into [0, 1). */
export const nodeRandom: RandomSource = { next: () => randomInt(2 ** 48) / 2 ** 48 };

/**
 * ItemReader and ResultWriter locations on disk: `bucket/key` under the workflow's folder, or
 * the key alone when the bucket is empty (a path relative to the folder, or absolute).
 */
export function createNodeFileStore(baseDirectory: string): FileStore {
  const pathOf = (location: FileLocation) =>
    resolve(baseDirectory, location.bucket === '' ? location.key : `${location.bucket}/${location.key}`);
  return {
    read: (location) => readFile(pathOf(location), 'utf8'),
    async write(location, content) {
      const path = pathOf(location);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    },
  };
}
