// mj report --format html: the web site's files go through the report's staging and manifest
// (--check compares them byte for byte, names stale, missing and extra pages), the same bytes on
// every run and in another process, names from the data escaped everywhere, --mask and --lang en,
// cards without record lists above the size limit, the members table left out above its limit,
// and ECharts kept out of every other command's start-up.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSiteOf } from '../src/commands/report.js';
import { openBase } from '../src/pipeline/base.js';
import { reportYear } from '../src/pipeline/year.js';
import { trendOfResults } from '../src/commands/practice-docs.js';
import { renumberIds } from '../src/render/html-charts.js';
import { anchorId, esc } from '../src/render/html-escape.js';
import { renderSite } from '../src/render/html.js';
import { mj } from './helpers/cli.js';
import { scratchDirs, tempCopies } from './helpers/fixtures.js';
import { HOSTILE, hostileTiny } from './helpers/hostile.js';

const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'data-examples', 'tiny');
const GUIZHOU = join(ROOT, 'data-examples', 'guizhou');
const copyTiny = tempCopies(TINY);
const scratch = scratchDirs();

const pages = (dir: string): string[] => readdirSync(join(dir, 'html')).sort();
const read = (dir: string, page: string): string => readFileSync(join(dir, 'html', page), 'utf8');

describe('mj report --format html', () => {
  it('writes the site into html/, lists every page in the manifest and index.md, and --check passes', async () => {
    const d = copyTiny();
    const r = await mj(['report', '2019', '--format', 'csv,html'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(d, 'reports', '2019');
    expect(pages(dir)).toEqual([
      'branches.html', 'cards-01.html', 'cards-02.html', 'index.html', 'members-01.html', 'members-02.html', 'progress.html', 'roster.html',
      'scores.html', 'subsidy.html', 'summary.html',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'mj-report.json'), 'utf8')) as { formats: string[]; files: string[] };
    expect(manifest.formats).toEqual(['csv', 'html']);
    expect(manifest.files.filter((f) => f.startsWith('html/')).sort()).toEqual(pages(dir).map((p) => `html/${p}`));
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toContain('[html/index.html](html/index.html)');
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toContain('[csv](scores.csv) |');
    const check = await mj(['report', '--check'], { cwd: d });
    expect([check.code, check.stdout]).toEqual([0, '报表与数据一致（1 个报表文件夹）。\n']);
  });

  it('html alone writes no table files, and index.md only links the site', async () => {
    const d = copyTiny();
    expect((await mj(['report', '2019', '--format', 'html'], { cwd: d })).code).toBe(0);
    const dir = join(d, 'reports', '2019');
    expect(readdirSync(dir).sort()).toEqual(['html', 'index.md', 'mj-report.json']);
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).not.toContain('| --- |');
    expect(read(dir, 'index.html')).not.toContain('../scores.');
  });

  it('--check names a stale page, a missing page and an extra file in html/', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'html'], { cwd: d });
    const dir = join(d, 'reports', '2019');
    writeFileSync(join(dir, 'html', 'roster.html'), read(dir, 'roster.html').replace('</main>', '<p>x</p></main>'));
    rmSync(join(dir, 'html', 'summary.html'));
    writeFileSync(join(dir, 'html', 'extra.html'), 'x');
    writeFileSync(join(dir, 'html', 'Thumbs.db'), 'x');
    const r = await mj(['report', '--check'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '缺少：reports/2019/html/summary.html', '过时：reports/2019/html/roster.html', '多余：reports/2019/html/extra.html（mj 不生成这个文件：删除该文件）',
    ]);
  });

  it('drops the site when a report no longer asks for html: its pages and then its folder', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'md,html'], { cwd: d });
    await mj(['report', '2019', '--format', 'md'], { cwd: d });
    expect(existsSync(join(d, 'reports', '2019', 'html'))).toBe(false);
    expect((await mj(['report', '--check'], { cwd: d })).code).toBe(0);
  });

  it('makes the same bytes on every run, in this process, in another one and from the single-file build', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'html', '--out', 'a'], { cwd: d });
    await mj(['report', '2019', '--format', 'html', '--out', 'b'], { cwd: d });
    // another process: the built CLI, and the single file a data repository pins (ECharts from a data: URL there)
    execFileSync(process.execPath, [join(ROOT, 'bin', 'mj.js'), 'report', '2019', '--format', 'html', '--out', 'c'], { cwd: d, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'bundle', 'standalone', 'mj.mjs'), 'report', '2019', '--format', 'html', '--out', 'e'], { cwd: d, stdio: 'pipe' });
    for (const page of pages(join(d, 'a'))) {
      const a = read(join(d, 'a'), page);
      expect(read(join(d, 'b'), page) === a, page).toBe(true);
      expect(read(join(d, 'c'), page) === a, page).toBe(true);
      expect(read(join(d, 'e'), page) === a, page).toBe(true);
    }
    expect(read(join(d, 'a'), 'index.html')).not.toMatch(/zr\d+-/); // zrender's counters are gone
  });

  it('escapes every name from the data: nothing of it becomes markup', async () => {
    const d = scratch();
    hostileTiny(d);
    const r = await mj(['report', '2019', '--format', 'html'], { cwd: d });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const dir = join(d, 'reports', '2019');
    const all = pages(dir).map((p) => [p, read(dir, p)] as const);
    for (const [page, html] of all) {
      for (const raw of ['<script>alert', '<img', '<b ', '<svg onload', '</title><script', '<i>示例']) expect(html.includes(raw), `${page}: ${raw}`).toBe(false);
      expect((html.match(/<script/g) ?? []).length, page).toBeLessThanOrEqual(1); // the sort script only
    }
    const text = all.map(([, h]) => h).join('');
    for (const s of Object.values(HOSTILE)) expect(text).toContain(esc(s));
  });

  it('masks members\' names with --mask, in the cards and the members pages', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'html', '--mask'], { cwd: d });
    const dir = join(d, 'reports', '2019');
    const text = pages(dir).map((p) => read(dir, p)).join('');
    const names = readFileSync(join(d, 'members.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1]!);
    for (const n of names) expect(text.includes(n), n).toBe(false);
    expect(text).toContain('王**');
  });

  it('speaks English with --lang en', async () => {
    const d = copyTiny();
    await mj(['report', '2019', '--format', 'html', '--lang', 'en'], { cwd: d });
    const index = read(join(d, 'reports', '2019'), 'index.html');
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('Branches by grade, 2019');
    expect(index).not.toContain('各等级支部数');
    expect(read(join(d, 'reports', '2019'), 'cards-01.html')).toContain('How the points were reached');
  });

  it('draws trends from the earlier years that have records, and says so when there is none', async () => {
    const d = scratch();
    await mj(['report', '2019', '--format', 'html', '--out', d], { cwd: GUIZHOU });
    const index = readFileSync(join(d, 'html', 'index.html'), 'utf8');
    expect(index).toContain('id="chart-members-trend"');
    expect(index).toContain('id="chart-three-ones-trend"');
    const tiny = copyTiny();
    await mj(['report', '2019', '--format', 'html'], { cwd: tiny });
    expect(read(join(tiny, 'reports', '2019'), 'index.html')).toContain('数据中只有 2019 年的履职记录');
  });
});

describe('the site at scale', () => {
  async function site(limits: { explain?: number; members?: number; cardsPerPage?: number }, lang: 'zh' | 'en' = 'zh', formats: readonly string[] = ['csv', 'html']) {
    const base = await openBase(TINY, undefined, {});
    if (!base.ok) throw new Error('tiny');
    const y = await reportYear(base.value, 2019, { explainAll: true, ...(limits.explain === undefined ? {} : { explainMaxBytes: limits.explain }) });
    if (!y.ok) throw new Error('tiny');
    const trend = trendOfResults(base.value.ds, [{ counted: y.value, scored: y.value, trainingRecords: y.value.trainingRecords }], undefined).years;
    const s = reportSiteOf(base.value, y.value, trend, { lang, mask: false, date: null, formats: [...formats] as never }, { ...(limits.members === undefined ? {} : { members: limits.members }) });
    const files = new Map<string, string>();
    for await (const f of renderSite(s, { notesHeading: '说明：', ...(limits.cardsPerPage === undefined ? {} : { cardsPerPage: limits.cardsPerPage }) })) files.set(f.name, f.data);
    return files;
  }

  it('cards keep every point but no record lists above the records limit, and say why', async () => {
    const full = await site({});
    const lean = await site({ explain: 100 });
    expect(full.get('cards-01.html')).toContain('A001 2019-01-12');
    expect(lean.get('cards-01.html')).not.toContain('A001 2019-01-12');
    expect(lean.get('cards-01.html')).toContain('超过网页版逐条列出记录的上限');
    expect(lean.get('cards-01.html')).toContain('组织生活次数'); // the form is whole
  });

  it('splits a large group\'s cards over pages, and the summary links each card where it is', async () => {
    const paged = await site({ cardsPerPage: 2 });
    expect([...paged.keys()].filter((n) => n.startsWith('cards-'))).toEqual(['cards-01.html', 'cards-02.html', 'cards-03.html']); // 3 + 2 cards
    expect(paged.get('cards-02.html')).toContain('<h1>评分卡：民进贵阳市委会（2/2）</h1>');
    const links = [...paged.get('summary.html')!.matchAll(/href="(cards-\d+\.html)#([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(links).toHaveLength(5);
    for (const [page, anchor] of links) expect(paged.get(page)).toContain(`id="${anchor}"`);
  });

  it('leaves the members table out above its limit, linking the files that hold it', async () => {
    const lean = await site({ members: 10 });
    expect([...lean.keys()].filter((n) => n.startsWith('members'))).toEqual(['members.html']);
    expect(lean.get('members.html')).toContain('本年共 32 名会员，超过网页版列出的上限（10 名），会员履职情况统计表不放在网页中，请打开 members.csv。');
    const en = await site({ members: 10 }, 'en');
    expect(en.get('members.html')).toContain('32 members this year, above the 10 the web pages list: the member table is left out; open members.csv.');
    // Without a file that holds it, the note says how to make one.
    expect((await site({ members: 10 }, 'zh', ['html'])).get('members.html')).toContain('会员履职情况统计表不放在网页中；请用 mj report 的 csv、xlsx 等格式生成该表。');
    expect((await site({ members: 10 }, 'en', ['html'])).get('members.html')).toContain('the member table is left out; make it with mj report in csv or xlsx.');
  });
});

describe('HTML helpers', () => {
  it('escape markup characters and drop control characters', () => {
    expect(esc(`<a href="x" title='y'>&</a>\u0000\u001b`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\uFFFD\uFFFD');
  });

  it('give every data id its own anchor', () => {
    expect(anchorId('b-', 'gy-edu1')).toBe('b-gy-edu1');
    expect(anchorId('b-', '贵阳.1')).toBe('b-.8d35..9633..2e.1');
    const ids = ['a.b', 'a.2e.b', 'a b', 'a_b', 'a-b'];
    expect(new Set(ids.map((i) => anchorId('b-', i))).size).toBe(ids.length);
  });

  it('renumber zrender ids in order of appearance, under the chart\'s prefix', () => {
    expect(renumberIds('<clipPath id="zr7-c0"/><g clip-path="url(#zr7-c0)"/><g id="zr7-c3"/>', 'c2')).toBe('<clipPath id="c2-c0"/><g clip-path="url(#c2-c0)"/><g id="c2-c1"/>');
  });
});
