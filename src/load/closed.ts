// Lock files of closed years (closed/YEAR.yaml): read with positions, each problem of their shape
// a diagnostic (MJ804) at its line; and the one writer of their text, so what mj close writes is
// exactly what this reader accepts. The text is deterministic: no clock, keys in a fixed order,
// every string quoted.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_DIR, lockFileOf, type LockEvent, type LockedFile, type YearLock } from '../model/closed.js';
import { parseYaml, type Path, type RawValue } from '../source/yaml.js';
import type { LoadContext } from './context.js';
import { readDataFile } from './files.js';
import { withoutControlChars } from './yaml-controls.js';
import { reportYamlProblems } from './yaml-problems.js';

const HASH = /^sha256:[0-9a-f]{64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['year', 'state', 'files', 'history'];

type Map = { [key: string]: RawValue };
const isMap = (v: RawValue | undefined): v is Map => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** The years that have a lock file (closed/YYYY.yaml), in order. */
export async function lockYears(root: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(join(root, LOCK_DIR));
  } catch {
    return [];
  }
  return names.map((n) => /^(\d{4})\.yaml$/.exec(n)?.[1]).filter((y): y is string => y !== undefined).map(Number).sort((a, b) => a - b);
}

/** A year's lock file, or undefined when there is none or it cannot be read as one (reported). */
export async function loadLock(ctx: LoadContext, year: number): Promise<YearLock | undefined> {
  const file = lockFileOf(year);
  const text = await readDataFile(ctx, file, '@lock');
  if (text === undefined) return undefined;
  const doc = await parseYaml(text);
  reportYamlProblems(ctx, file, doc.problems);
  if (doc.value === undefined && doc.problems.length > 0) return undefined;
  const value = withoutControlChars(ctx, file, doc, doc.value);
  let bad = false;
  const problem = (path: Path, key: string, what: string, atKey = false): void => {
    bad = true;
    ctx.report({ code: 'MJ804', file, ...(atKey ? doc.locateKey(path) : doc.locate(path)), field: key, params: { key, problem: what, lock: file } });
  };
  if (!isMap(value)) {
    problem([], file, '@lock-map');
    return undefined;
  }
  for (const k of Object.keys(value)) if (!KEYS.includes(k)) problem([k], k, '@lock-unknown', true);
  if (value['year'] !== String(year)) problem(['year'], 'year', `@lock-year:${year}`);
  const state = value['state'];
  if (state !== 'closed' && state !== 'open') problem(['state'], 'state', '@lock-state');
  const files: LockedFile[] = [];
  const rawFiles = value['files'];
  if (!isMap(rawFiles)) problem(['files'], 'files', '@lock-files');
  else {
    for (const [path, hash] of Object.entries(rawFiles)) {
      if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split(/[\\/]/).includes('..')) problem(['files', path], path, '@lock-path', true);
      else if (typeof hash !== 'string' || !HASH.test(hash)) problem(['files', path], path, '@lock-hash');
      else files.push({ path, hash });
    }
  }
  const history: LockEvent[] = [];
  const rawHistory = value['history'];
  if (!Array.isArray(rawHistory)) problem(['history'], 'history', '@lock-history');
  else {
    rawHistory.forEach((e, i) => {
      const text = (k: string): string | undefined => (isMap(e) && typeof e[k] === 'string' ? (e[k] as string) : undefined);
      const action = text('action');
      const by = text('by');
      const date = text('date');
      const extra = isMap(e) ? Object.keys(e).filter((k) => !['action', 'by', 'reason', 'date'].includes(k)) : [];
      if (!isMap(e) || (action !== 'close' && action !== 'reopen') || by === undefined || by.trim() === '' || (date !== undefined && !DAY.test(date)) || extra.length > 0) {
        problem(['history', i], 'history', '@lock-history');
        return;
      }
      history.push({ action, by, reason: text('reason'), date });
    });
  }
  if (bad || (state !== 'closed' && state !== 'open')) return undefined;
  return { year, file, state, files, history };
}

const q = (s: string): string => JSON.stringify(s);

/** The text of a lock file, in the dataset's table language (its comments only; keys are fixed). */
export function lockText(lock: Omit<YearLock, 'file'>, lang: 'zh' | 'en'): string {
  const y = lock.year;
  const head = lock.state === 'closed'
    ? lang === 'zh'
      ? [`# ${y} 年已关账（mj close ${y}）。下面是关账时该年的数据和报表文件的 SHA-256（换行符 CRLF 与 LF 视为相同）；`,
        `# 其中任何一个改动，mj validate 都会报错（MJ801）。确需修改已上报的结果：mj reopen ${y} --reason "原因"。`,
        '# 本文件由 mj close 和 mj reopen 写出，请勿手工修改；提交到 git。']
      : [`# ${y} is closed (mj close ${y}). Below: the SHA-256 of the year's data and report files when it was closed`,
        `# (CRLF and LF read alike); mj validate fails when any of them changes (MJ801). To change reported results: mj reopen ${y} --reason "why".`,
        '# Written by mj close and mj reopen, never by hand; commit it to git.']
    : lang === 'zh'
      ? [`# ${y} 年已重新打开（mj reopen ${y}），可以修改；改完重新生成报表，再运行 mj close ${y}。`,
        '# 本文件由 mj close 和 mj reopen 写出，请勿手工修改；提交到 git。']
      : [`# ${y} was reopened (mj reopen ${y}) and may change; rebuild its reports, then run mj close ${y} again.`,
        '# Written by mj close and mj reopen, never by hand; commit it to git.'];
  const lines = [...head, `year: ${y}`, `state: ${lock.state}`];
  lines.push(lock.files.length === 0 ? 'files: {}' : 'files:');
  for (const f of lock.files) lines.push(`  ${q(f.path)}: ${q(f.hash)}`);
  lines.push(lock.history.length === 0 ? 'history: []' : 'history:');
  for (const e of lock.history) {
    lines.push(`  - action: ${e.action}`, `    by: ${q(e.by)}`);
    if (e.reason !== undefined) lines.push(`    reason: ${q(e.reason)}`);
    if (e.date !== undefined) lines.push(`    date: ${q(e.date)}`);
  }
  return lines.join('\n') + '\n';
}
