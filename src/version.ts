// mj's own name and version, and where its shipped files are: from package.json and the package's
// folders (the tests, an npm install), or from constants the single-file build carries, since a
// data repository's `.mj/mj.mjs` (mj pin) has no package around it.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Set by the single-file build (scripts/bundle.mjs): name, version, and the templates' texts. */
declare const __MJ_STANDALONE__: { name: string; version: string; templates: Record<string, string> } | undefined;

const standalone = typeof __MJ_STANDALONE__ === 'undefined' ? undefined : __MJ_STANDALONE__;
const pkg = standalone ?? (createRequire(import.meta.url)('../package.json') as { name: string; version: string });

export const VERSION = pkg.version;

/** Set by the bundler (scripts/bundle.mjs): a hash of the sources the build was made from. */
declare const __MJ_BUILD__: string | undefined;

/**
 * Which code this is, for the cache of unchanged files (an entry of another build is never
 * used): the bundler's hash of the sources; 'source' when run from src/ (the tests).
 */
export const BUILD = `${pkg.version}+${typeof __MJ_BUILD__ === 'undefined' ? 'source' : __MJ_BUILD__}`;
/** The npm name mj is published under (the name `mj` itself belongs to another package). */
export const PACKAGE_NAME = pkg.name;

/** True in the single-file build a data repository pins. */
export const IS_STANDALONE = standalone !== undefined;

/**
 * A template `mj init` copies. This module sits one folder below the package root in every
 * layout mj runs from as a package (src/ under the tests, bundle/ when installed), so paths from
 * it hold in both; the single-file build carries the templates' texts.
 */
export async function readTemplate(name: string): Promise<string> {
  if (standalone) {
    const text = standalone.templates[name];
    if (text === undefined) throw new Error(`template ${name} is not in the build`);
    return text;
  }
  const { readFile } = await import('node:fs/promises');
  return readFile(fileURLToPath(new URL(`../templates/${name}`, import.meta.url)), 'utf8');
}

/** The single-file build of this version: this very file in it, else the one the package ships. */
export function standaloneFile(): string {
  return fileURLToPath(standalone ? import.meta.url : new URL('../bundle/standalone/mj.mjs', import.meta.url));
}
