// mj's own name and version, from its package.json (read once, when first asked).

import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const VERSION = pkg.version;
/** The npm name mj is published under (the name `mj` itself belongs to another package). */
export const PACKAGE_NAME = pkg.name;
