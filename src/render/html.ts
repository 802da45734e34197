// The year's report (tables/report-site.ts) → a static web site of plain files: index.html
// (headline figures and charts), summary.html (评分汇总表, sortable, each branch linked to its
// card), cards-NN.html (the score cards of one roll-up group), one page per statistics table,
// and members-NN.html (the members table, a group a page). Each page is whole by itself: style
// and script inline, charts as inline SVG, nothing fetched from anywhere, so the folder opens
// from the file system or any static host. Pages are yielded one at a time (a large province is
// never held whole), in a fixed order; the same site gives the same bytes.

import type { ReportSite } from '../tables/report-site.js';
import type { Table } from '../tables/table.js';
import { formatCell } from './cells.js';
import { cardAnchor, cardHtml } from './html-card.js';
import { chartSvg } from './html-charts.js';
import { esc } from './html-escape.js';
import { page, sha256Base64, type NavLink, type PageFrame } from './html-page.js';
import { SORT_SCRIPT } from './html-style.js';
import { tableHtml } from './html-table.js';

/** A page: its name in the site's folder, and its text. */
export interface SiteFile {
  readonly name: string;
  readonly data: string;
}

export interface HtmlOptions {
  readonly notesHeading: string;
  /** Cards a page at most (CARDS_PER_PAGE unless given). */
  readonly cardsPerPage?: number;
}

const NAV_LABEL: Readonly<Record<string, readonly [string, string]>> = {
  scores: ['考核评分表', 'Score sheet'],
  branches: ['支部履职', 'Branches'],
  members: ['会员履职', 'Members'],
  roster: ['会员结构', 'Membership'],
  progress: ['“三个一”', '"Three ones"'],
  subsidy: ['经费补助', 'Subsidy'],
};

/** Numbered page names: cards-01.html …, as wide as the count needs. */
/** A page as one string (written in one go: a page is at most a few megabytes). */
const whole = (parts: Iterable<string>): string => [...parts].join('');

/** At most this many cards a page: a national group has a thousand branches (its page would be 20 MB). */
const CARDS_PER_PAGE = 100;

const numbered = (stem: string, i: number, n: number): string => `${stem}-${String(i + 1).padStart(Math.max(2, String(n).length), '0')}.html`;

export async function* renderSite(site: ReportSite, o: HtmlOptions): AsyncGenerator<SiteFile> {
  const zh = site.lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const scriptHash = await sha256Base64(SORT_SCRIPT);
  // The card pages: each group's cards, a hundred a page.
  const per = o.cardsPerPage ?? CARDS_PER_PAGE;
  const parts = site.cardGroups.flatMap((g) => {
    const n = Math.max(1, Math.ceil(g.branchIds.length / per));
    return Array.from({ length: n }, (_, k) => ({ group: g, from: k * per, to: Math.min(g.branchIds.length, (k + 1) * per), k, n }));
  });
  const cardPages = parts.map((_, i) => numbered('cards', i, parts.length));
  const partLabel = (p: (typeof parts)[number]): string => (p.n === 1 ? p.group.label : L(`${p.group.label}（${p.k + 1}/${p.n}）`, `${p.group.label} (${p.k + 1}/${p.n})`));
  const memberParts = 'parts' in site.members ? site.members.parts : undefined;
  const memberPages = memberParts ? memberParts.map((_, i) => numbered('members', i, memberParts.length)) : ['members.html'];
  const tablePage = (t: Table): string => `${t.name}.html`;
  const navLabel = (t: Table): string => NAV_LABEL[t.name]?.[zh ? 0 : 1] ?? t.title;

  const nav: NavLink[] = [
    { href: 'index.html', label: L('总览', 'Overview') },
    { href: 'summary.html', label: L('评分汇总', 'Summary') },
    { href: cardPages[0] ?? 'summary.html', label: L('评分卡', 'Score cards') },
  ];
  for (const t of site.tables) {
    nav.push({ href: tablePage(t), label: navLabel(t) });
    if (t.name === 'branches') nav.push({ href: memberPages[0]!, label: NAV_LABEL['members']![zh ? 0 : 1] });
  }
  if (!site.tables.some((t) => t.name === 'branches')) nav.push({ href: memberPages[0]!, label: NAV_LABEL['members']![zh ? 0 : 1] });

  const frame = (title: string, current: string, extra: Partial<PageFrame> = {}): PageFrame => ({
    lang: site.lang, title, siteTitle: site.title, nav, current, wide: false, footer: site.footer, script: false, scriptHash, ...extra,
  });

  // Where each branch's card is.
  const cardOf = new Map<string, string>();
  parts.forEach((p, i) => {
    for (const id of p.group.branchIds.slice(p.from, p.to)) cardOf.set(id, `${cardPages[i]!}#${cardAnchor(id)}`);
  });

  // index.html: the headline figures, the charts, the pages.
  const index: string[] = [`<h1>${esc(site.title)}</h1>`, `<p class="lead">${esc(L('本年度的主要数字、图表和全部表格。', "The year's headline figures, charts and every table."))}</p>`];
  index.push('<dl class="figures">');
  for (const h of site.headline) {
    const value = formatCell(h.value, { key: 'v', header: '', kind: h.kind }, 'human');
    index.push(`<div><dt>${esc(h.label)}</dt><dd>${esc(value)}</dd>${h.detail === undefined ? '' : `<dd class="detail">${esc(h.detail)}</dd>`}</div>`);
  }
  index.push('</dl>');
  let chartNo = 0;
  for (const section of site.charts) {
    index.push(`<h2>${esc(section.title)}</h2>`);
    if (section.charts.length > 0) {
      index.push('<div class="charts">');
      for (const chart of section.charts) {
        const prefix = `c${chartNo++}`;
        index.push(
          `<figure class="chart" id="chart-${esc(chart.key)}">`,
          `<figcaption>${esc(chart.title)}</figcaption>`,
          await chartSvg(chart, prefix),
          `<details><summary>${esc(L('图中的数字', 'The numbers'))}</summary>`,
          ...tableHtml(chart.table, { sortable: false, notesHeading: o.notesHeading, caption: chart.title }),
          '</details>',
          '</figure>',
        );
      }
      index.push('</div>');
    }
    if (section.note !== undefined) index.push(`<p class="notes">${esc(section.note)}</p>`);
  }
  index.push(`<h2>${esc(L('全部页面', 'Every page'))}</h2>`, '<ul class="pages">');
  index.push(`<li><a href="summary.html">${esc(site.summary.title)}</a></li>`);
  parts.forEach((p, i) => {
    const n = p.to - p.from;
    index.push(`<li><a href="${cardPages[i]!}">${esc(L(`评分卡：${partLabel(p)}（${n} 个支部）`, `Score cards: ${partLabel(p)} (${n} branches)`))}</a></li>`);
  });
  for (const t of site.tables) index.push(`<li><a href="${esc(tablePage(t))}">${esc(t.title)}</a></li>`);
  if (memberParts) memberParts.forEach((p, i) => index.push(`<li><a href="${memberPages[i]!}">${esc(L(`会员履职情况：${p.label}`, `Member duty statistics: ${p.label}`))}</a></li>`));
  else index.push(`<li><a href="members.html">${esc(L('会员履职情况统计表', 'Member duty statistics'))}</a></li>`);
  index.push('</ul>');
  if (site.files.length > 0) {
    index.push(`<h2>${esc(L('其他格式的文件', 'The same tables as files'))}</h2>`, '<ul class="pages">');
    for (const f of site.files) index.push(`<li>${esc(f.title)}：${f.paths.map((p) => `<a href="../${esc(p)}">${esc(p)}</a>`).join(' · ')}</li>`);
    index.push('</ul>');
  }
  yield { name: 'index.html', data: whole(page(frame(site.title, 'index.html'), index)) };

  // summary.html: the 评分汇总表, each branch linked to its card.
  const summaryBody = [
    `<h1>${esc(site.summary.title)}</h1>`,
    `<p class="lead">${esc(L('点击表头可按该列排序；点击支部名称查看该支部的评分卡。', "Click a header to sort by it; click a branch for its score card."))}</p>`,
    ...tableHtml(site.summary, { sortable: true, notesHeading: o.notesHeading, rowLink: (i) => cardOf.get(site.summaryBranchIds[i]!) }),
  ];
  yield { name: 'summary.html', data: whole(page(frame(site.summary.title, 'summary.html', { script: true }), summaryBody)) };

  // cards-NN.html: a group's cards, each on its own printed page.
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const title = L(`评分卡：${partLabel(p)}`, `Score cards: ${partLabel(p)}`);
    const body = function* (): Generator<string> {
      yield `<h1>${esc(title)}</h1>\n`;
      if (site.explanationsNote !== undefined) yield `<p class="note">${esc(site.explanationsNote)}</p>\n`;
      for (const card of p.group.cards(p.from, p.to)) yield cardHtml(card, site.lang, site.explanationsNote);
    };
    yield { name: cardPages[i]!, data: whole(page(frame(title, cardPages[0]!), body())) };
  }

  // One page per statistics table.
  for (const t of site.tables) {
    yield { name: tablePage(t), data: whole(page(frame(t.title, tablePage(t), { wide: true, script: true }), [`<h1>${esc(t.title)}</h1>\n`, ...tableHtml(t, { sortable: true, notesHeading: o.notesHeading })])) };
  }

  // The members table, a group a page (or why it is not here).
  if (memberParts) {
    for (let i = 0; i < memberParts.length; i++) {
      const part = memberParts[i]!;
      const body = function* (): Generator<string> {
        const t = part.table();
        const title = `${t.title}：${part.label}`;
        yield `<h1>${esc(title)}</h1>\n`;
        if (memberParts.length > 1) {
          yield `<p class="lead">${memberParts.map((p, k) => (k === i ? `<strong>${esc(p.label)}</strong>` : `<a href="${memberPages[k]!}">${esc(p.label)}</a>`)).join(' · ')}</p>\n`;
        }
        yield* tableHtml(t, { sortable: true, notesHeading: o.notesHeading, caption: title });
      };
      yield { name: memberPages[i]!, data: whole(page(frame(L(`会员履职情况：${part.label}`, `Member duty statistics: ${part.label}`), memberPages[0]!, { wide: true, script: true }), body())) };
    }
  } else if ('omitted' in site.members) {
    const title = L('会员履职情况统计表', 'Member duty statistics');
    yield { name: 'members.html', data: whole(page(frame(title, 'members.html'), [`<h1>${esc(title)}</h1>\n`, `<p class="note">${esc(site.members.omitted)}</p>\n`])) };
  }
}
