/**
 * Runs a CommonJS bundle through V8's code cache. Node 20 compiles a 1.3 MB bundle anew in
 * every process (~15 ms), then compiles each function again the first time it is called; the
 * cache written after a run holds all of that, and the next process starts from it.
 *
 * Launchers import only this module and Node's built-ins: they must stay small, since every
 * process pays for reading and compiling them without a cache.
 */
import { hash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface BundleToLoad {
  /**
   * The bundle's absolute path. It must be ASCII, as esbuild writes by default (esbuild.mjs
   * checks): it is read as Latin-1, which V8 takes in faster than UTF-8.
   */
  readonly file: string;
  /**
   * A hash of the bundle's content, computed when it was built. V8 checks that cached code
   * was made by the same V8 with the same flags for a source of the same length, nothing
   * more: a rebuilt bundle must not find the cache of the previous one.
   */
  readonly contentHash: string;
  /**
   * Which use of the bundle this process makes (a CLI command): each has a cache of its own,
   * holding the functions that use calls, not only those of whichever use came first.
   */
  readonly variant?: string;
  /** STEPWISE_NO_CODE_CACHE=1 loads the bundle plainly; STEPWISE_CODE_CACHE_DEBUG=1 reports on stderr. */
  readonly env: NodeJS.ProcessEnv;
}

export interface LoadedBundle {
  /** What the bundle assigned to `module.exports`. */
  readonly exports: unknown;
  /**
   * Writes the code V8 has compiled so far, if no cache was used: call it once the work is
   * done, so that the functions compiled on first call are in the cache too. Never throws.
   */
  saveCodeCache(): void;
}

/** Lines before and after the bundle: Node's CommonJS wrapper, on lines of its own (see lineOffset). */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_TAIL = '\n})';

/** A cache file starts with MAGIC, then the SHA-1 of the V8 data that follows. */
const MAGIC = Buffer.from('SWCC0001', 'latin1');
const DIGEST_LENGTH = 20;
const HEADER_LENGTH = MAGIC.length + DIGEST_LENGTH;

export function loadBundle(bundle: BundleToLoad): LoadedBundle {
  const report = bundle.env['STEPWISE_CODE_CACHE_DEBUG'] === '1' ? debugReport : () => {};
  const disabled = reasonToRequire(bundle.env);
  if (disabled !== undefined) {
    report(`disabled (${disabled})`);
    return { exports: createRequire(bundle.file)(bundle.file), saveCodeCache: () => {} };
  }

  const source = readFileSync(bundle.file, 'latin1');
  const places = cachePlacesOf(bundle);
  const cached = readCache(places);
  const script = new Script(WRAPPER_HEAD + source + WRAPPER_TAIL, {
    filename: bundle.file,
    lineOffset: -1,
    ...(cached.kind === 'found' && { cachedData: cached.data }),
  });
  const accepted = cached.kind === 'found' && script.cachedDataRejected !== true;
  if (cached.kind === 'found') report(`${accepted ? 'accepted' : 'rejected'} ${cached.file}`);
  else if (cached.kind === 'damaged') report(`rejected ${cached.file} (damaged)`);
  else report('none');

  const exports = run(script, bundle.file);
  let saved = accepted;
  return {
    exports,
    saveCodeCache() {
      if (saved) return;
      saved = true;
      const written = writeCache(places, script);
      report(written.kind === 'written' ? `written ${written.file}` : `not written (${written.reason})`);
    },
  };
}

/** Why the bundle should be required as Node would, without the cache, if it should. */
function reasonToRequire(env: NodeJS.ProcessEnv): string | undefined {
  if (env['STEPWISE_NO_CODE_CACHE'] === '1') return 'STEPWISE_NO_CODE_CACHE=1';
  // Node maps stack traces through source maps for the modules it loads, not for code run by vm.
  if (process.sourceMapsEnabled) return 'source maps are enabled';
  // A debugger finds breakpoints by the file's lines, which the wrapper would shift.
  const options = [...process.execArgv, ...(env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  if (options.some((option) => option.startsWith('--inspect'))) return 'a debugger is attached';
  return undefined;
}

/** Runs the compiled wrapper as Node runs a CommonJS module, and returns its exports. */
function run(script: Script, file: string): unknown {
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${file} did not compile to a module wrapper.`);
  const bundleModule = new Module(file);
  bundleModule.filename = file;
  Reflect.apply(wrapper, bundleModule.exports, [
    bundleModule.exports,
    createRequire(file),
    bundleModule,
    file,
    dirname(file),
  ]);
  bundleModule.loaded = true;
  return bundleModule.exports;
}

/**
 * Where a cache may be: beside the bundle, or (an install folder this user cannot write) in a
 * folder of the user's own under the temporary folder. The private one is read first: it only
 * exists because the folder beside the bundle could not take a cache, maybe since a stale one
 * sits there for good. Writing a cache beside the bundle removes the private one.
 */
interface CachePlaces {
  readonly beside: string;
  readonly privateFolder: string;
  readonly name: string;
  /** The start of the names of this bundle's caches, whatever its build: the others are stale. */
  readonly bundlePrefix: string;
  /** The start of the names of this build's caches, whatever the variant. */
  readonly buildPrefix: string;
}

function cachePlacesOf(bundle: BundleToLoad): CachePlaces {
  const bundlePrefix = `${basename(bundle.file)}.`;
  const buildPrefix = `${bundlePrefix}${bundle.contentHash}.`;
  const name = `${buildPrefix}${bundle.variant === undefined ? '' : `${bundle.variant}.`}cache`;
  return {
    beside: dirname(bundle.file),
    privateFolder: join(tmpdir(), `stepwise-code-cache-${process.getuid?.() ?? 'user'}`),
    name,
    bundlePrefix,
    buildPrefix,
  };
}

/** Whether nobody but this user can put files in the folder, so that nobody else can plant code in it. */
function isPrivateFolder(folder: string): boolean {
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return false;
    const uid = process.getuid?.();
    return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

type CacheRead =
  | { readonly kind: 'found'; readonly file: string; readonly data: Buffer }
  | { readonly kind: 'damaged'; readonly file: string }
  | { readonly kind: 'none' };

function readCache(places: CachePlaces): CacheRead {
  const folders = isPrivateFolder(places.privateFolder)
    ? [places.privateFolder, places.beside]
    : [places.beside];
  let damaged: CacheRead = { kind: 'none' };
  for (const folder of folders) {
    const file = join(folder, places.name);
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    // V8 trusts the bytes past its own small header: damaged data can crash the process.
    const data = content.subarray(HEADER_LENGTH);
    const intact =
      content.length > HEADER_LENGTH &&
      content.subarray(0, MAGIC.length).equals(MAGIC) &&
      content.subarray(MAGIC.length, HEADER_LENGTH).equals(hash('sha1', data, 'buffer'));
    if (intact) return { kind: 'found', file, data };
    damaged = { kind: 'damaged', file };
  }
  return damaged;
}

type CacheWrite =
  { readonly kind: 'written'; readonly file: string } | { readonly kind: 'failed'; readonly reason: string };

function writeCache(places: CachePlaces, script: Script): CacheWrite {
  let content: Buffer;
  try {
    const data = script.createCachedData();
    content = Buffer.concat([MAGIC, hash('sha1', data, 'buffer'), data]);
  } catch (error) {
    return { kind: 'failed', reason: reasonOf(error) };
  }
  const besideFile = join(places.beside, places.name);
  const privateFile = join(places.privateFolder, places.name);
  let besideFailure: string;
  try {
    writeAtomically(besideFile, content);
    removeQuietly(privateFile);
    removeStaleCaches(places);
    return { kind: 'written', file: besideFile };
  } catch (error) {
    besideFailure = reasonOf(error);
  }
  try {
    mkdirSync(places.privateFolder, { recursive: true, mode: 0o700 });
    if (!isPrivateFolder(places.privateFolder))
      throw new Error(`${places.privateFolder} is not a folder of this user alone`);
    writeAtomically(privateFile, content);
    return { kind: 'written', file: privateFile };
  } catch (error) {
    return { kind: 'failed', reason: `${besideFailure}; ${reasonOf(error)}` };
  }
}

/** A whole file or none: other processes may be reading the cache while it is replaced. */
function writeAtomically(file: string, content: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: 0o644 });
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * Caches of earlier builds of the bundle, beside it: nothing will read them again. (The private
 * folder is shared by every install of this user: what is stale there is not known; the system
 * cleans its temporary folder.)
 */
function removeStaleCaches(places: CachePlaces): void {
  let names: string[];
  try {
    names = readdirSync(places.beside);
  } catch {
    return;
  }
  for (const name of names) {
    if (
      name.startsWith(places.bundlePrefix) &&
      !name.startsWith(places.buildPrefix) &&
      name.endsWith('.cache')
    ) {
      removeQuietly(join(places.beside, name));
    }
  }
}

/** Removes a file if it is there; another process may have removed it first. */
function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already, or not ours to remove.
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function debugReport(message: string): void {
  process.stderr.write(`code cache: ${message}\n`);
}
