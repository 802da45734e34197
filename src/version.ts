// mj's own name and version, from its package.json (read once, when first asked), and where
// its shipped files are.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const VERSION = pkg.version;
/** The npm name mj is published under (the name `mj` itself belongs to another package). */
export const PACKAGE_NAME = pkg.name;

/**
 * The templates `mj init` copies. This module sits one folder below the package root in every
 * layout mj runs from (src/ under the tests, bundle/ when installed), so paths from it hold in both.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));
