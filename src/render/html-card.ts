// One branch's score card in HTML: its facts (parent, rank, total, grade), the 评分表 form as a
// table (one row group per rubric section), "三个一" with the members yet to report, and the
// points explained record by record as `mj score --explain` words them. Printed, each card
// starts a page.

import type { Block } from '../tables/explain-doc.js';
import type { ScoreCard } from '../tables/report-site.js';
import type { ScoreFormRow } from '../tables/score-form.js';
import type { Column } from '../tables/table.js';
import { formatCell } from './cells.js';
import { anchorId, esc } from './html-escape.js';

/** Two ideographic spaces between the facts of a card. */
const GAP = '\u3000\u3000';
const POINTS: Column = { key: 'points', header: '', kind: 'points' };

/** The anchor of a branch's card. */
export const cardAnchor = (branchId: string): string => anchorId('b-', branchId);

function points(v: ScoreFormRow['result'] | ScoreFormRow['full']): string {
  if (v === undefined) return '';
  return esc(typeof v === 'string' ? v : formatCell(v, POINTS, 'human'));
}

function formRows(rows: readonly ScoreFormRow[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let first = '';
    if (r.section !== '') {
      // The section's cell spans its items and its subtotal.
      if (i === 0 || rows[i - 1]!.section !== r.section) {
        let n = 0;
        while (i + n < rows.length && rows[i + n]!.section === r.section) n++;
        first = `<th scope="rowgroup" rowspan="${n}">${esc(r.section)}</th>`;
      }
    } else first = '<td></td>';
    const name = r.kind === 'item' ? `<td>${esc(r.name)}</td>` : `<th scope="row">${esc(r.name)}</th>`;
    out.push(`<tr class="${r.kind}">${first}${name}<td class="standard">${esc(r.standard)}</td><td class="num">${points(r.full)}</td><td class="num">${points(r.self)}</td><td class="num">${points(r.result)}</td></tr>`);
  }
  return out.join('\n');
}

/** The explanation's blocks: headings, lines indented by depth, record lists. */
export function explanationHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length > 0) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const b of blocks) {
    if (b.bullet) {
      list.push(`<li>${esc(b.text)}</li>`);
      continue;
    }
    flush();
    if (b.text === '') continue;
    if (b.role === 'heading') out.push(`<h4>${esc(b.text)}</h4>`);
    else out.push(`<p class="d${b.depth}">${esc(b.text)}</p>`);
  }
  flush();
  return out.join('\n');
}

export function cardHtml(card: ScoreCard, lang: 'zh' | 'en', explanationsNote: string | undefined): string {
  const zh = lang === 'zh';
  const f = card.form;
  const t = card.threeOnes;
  const total = formatCell(card.total, POINTS, 'human');
  const facts = zh
    ? [`编号 ${card.branchId}`, `上级组织：${card.parentName}`, `总分 ${total}`, `全省排名 ${card.rank}/${card.branchCount}`, `等级：${card.grade}`].join(GAP)
    : `Id ${card.branchId} · parent org: ${card.parentName} · total ${total} · rank ${card.rank} of ${card.branchCount} · grade: ${card.grade}`;
  const check = (ok: boolean, text: string): string => `<li class="${ok ? 'ok' : 'no'}">${esc(text)}</li>`;
  const covered = t.active > 0 && t.covered === t.active;
  const missing = card.missing.map((m) => `${m.id} ${m.name}`).join(zh ? '、' : ', ');
  const parts = [
    `<article class="card" id="${esc(cardAnchor(card.branchId))}" aria-labelledby="${esc(cardAnchor(card.branchId))}-h">`,
    `<h2 id="${esc(cardAnchor(card.branchId))}-h">${esc(card.branchName)}</h2>`,
    `<p class="facts">${esc(facts)}</p>`,
    '<div class="table-wrap"><table class="form">',
    `<caption>${esc(f.title)}<br>${esc(f.subtitle)}</caption>`,
    `<thead><tr>${f.headers.map((h, i) => `<th scope="col"${i >= 3 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${formRows(f.rows)}\n</tbody>`,
    '</table></div>',
    `<p class="signatures">${esc(f.signatures)}</p>`,
    `<h3>${zh ? '“三个一”' : '"Three ones"'}：<span class="${t.complete ? 'status-ok' : 'status-no'}">${esc(zh ? (t.complete ? '完成' : '未完成') : t.complete ? 'done' : 'not done')}</span></h3>`,
    '<ul class="checks">',
    check(t.proposal, zh ? '至少 1 件提案或建议' : 'at least one proposal or suggestion'),
    check(t.service, zh ? '至少 1 件社会服务实事' : 'at least one social-service record'),
    check(covered, zh ? `每名在册会员至少报送 1 条社情民意：${t.covered}/${t.active} 人已报送` : `every active member has reported: ${t.covered} of ${t.active}`),
    '</ul>',
    card.missing.length > 0
      ? `<p>${esc(zh ? `尚未报送社情民意的会员（${card.missing.length} 人）：` : `Members yet to report (${card.missing.length}): `)}${esc(missing)}</p>`
      : `<p>${esc(zh ? '在册会员都已报送社情民意。' : 'Every active member has reported.')}</p>`,
    `<h3>${zh ? '得分说明' : 'How the points were reached'}</h3>`,
  ];
  if (card.explanation) parts.push(`<div class="explain">\n${explanationHtml(card.explanation)}\n</div>`);
  else if (explanationsNote !== undefined) parts.push(`<p class="note">${esc(explanationsNote)}</p>`);
  parts.push('</article>', '');
  return parts.join('\n');
}
