// The command line of scripts/gen-example.mjs: parsed into options, or into help or a usage error
// for the entry point to print; it neither prints nor exits.
import path from 'node:path';

export const USAGE = 'usage: node scripts/gen-example.mjs [--out DIR] [--members N] [--seed S] [--years 2017,2018,2019] [--density F]';

/**
 * argv: the arguments after the script; defaultOut: the folder written when --out is absent.
 * Returns { kind: 'options', options }, { kind: 'help' } or { kind: 'error', message } at the first
 * problem, in argument order. Relative --out paths resolve against the current directory.
 */
export function parseArgs(argv, defaultOut) {
  const o = { out: defaultOut, members: 4462, seed: 'guizhou-2019', years: [2017, 2018, 2019], density: 1 };
  const error = (message) => ({ kind: 'error', message });
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    if (a === '-h' || a === '--help') return { kind: 'help' };
    if (!['--out', '--members', '--seed', '--years', '--density'].includes(a)) return error(`unknown argument ${a}\n${USAGE}`);
    if (v === undefined) {
      if (i + 1 >= argv.length) return error(`${a} needs a value\n${USAGE}`);
      v = argv[++i];
    }
    switch (a) {
      case '--out': o.out = path.resolve(v); break;
      case '--members':
        if (!/^\d+$/.test(v) || +v < 100 || +v > 2000000) return error('--members must be an integer from 100 to 2000000');
        o.members = +v; break;
      case '--seed': o.seed = v; break;
      case '--years': {
        const ys = v.split(',').map((s) => s.trim()).filter(Boolean);
        if (!ys.length || ys.some((y) => !/^\d{4}$/.test(y) || +y < 1990 || +y > 2030)) return error('--years takes a comma list of years 1990..2030');
        o.years = [...new Set(ys.map(Number))].sort((x, y) => x - y); break;
      }
      case '--density':
        if (!/^\d+(\.\d+)?$/.test(v) || +v <= 0 || +v > 50) return error('--density must be a number in (0, 50]');
        o.density = +v; break;
    }
  }
  return { kind: 'options', options: o };
}

/**
 * The context every stage of the generator reads: the options (seed, members, years, density,
 * out) and scale, the size of the org tree relative to the default 4462 members.
 */
export function contextOf(options) {
  return { ...options, scale: options.members / 4462 };
}
