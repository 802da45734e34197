// What every page of the HTML report carries inline: the style sheet (screen and A4 print: each
// score card on its own page, wide tables on landscape pages) with system font stacks that fall
// back through the usual Chinese fonts (no web font is fetched), and the small script that makes
// table headers sort buttons. The page reads the same without the script.

/** Chinese-capable system fonts, in the order a reader's machine is likely to have them. */
export const FONT_STACK = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export const STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --accent: #1a5fb4; --ok: #1a7f37; --bad: #cf222e; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: var(--fg); background: #fff; line-height: 1.6; -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1240px; padding: 0 20px 40px; }
a { color: var(--accent); }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
nav.site { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 10px 0; border-bottom: 1px solid var(--line); margin-bottom: 16px; font-size: 15px; }
nav.site a[aria-current="page"] { font-weight: 700; color: var(--fg); text-decoration: none; }
h1 { font-size: 24px; margin: 12px 0 8px; }
h2 { font-size: 20px; margin: 28px 0 10px; }
h3 { font-size: 17px; margin: 20px 0 8px; }
h4 { font-size: 16px; margin: 14px 0 4px; }
p.lead { color: var(--muted); margin-top: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; margin: 16px 0 8px; padding: 0; }
.figures div { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.figures dt { color: var(--muted); font-size: 14px; }
.figures dd { margin: 0; font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figures dd.detail { font-size: 13px; font-weight: 400; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 18px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
figure.chart figcaption { font-weight: 700; margin-bottom: 4px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
details { margin-top: 6px; }
details summary { cursor: pointer; color: var(--accent); font-size: 14px; }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table.data, table.form { border-collapse: collapse; font-size: 14px; }
table.data caption, table.form caption { text-align: left; font-weight: 700; padding: 4px 0; }
table.data th, table.data td, table.form th, table.form td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; }
table.data thead th, table.form thead th { background: var(--soft); position: sticky; top: 0; }
table.data tbody th { font-weight: 400; text-align: left; }
table.data .num, table.form .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* A wide sheet scrolls: a numeric column's header wraps, and a text cell keeps some width (a name, a veto's reason) instead of one character a line. */
table.data thead th.num { white-space: normal; min-width: 4.5em; }
table.data td:not(.num), table.data tbody th:not(.num) { min-width: 7em; }
table.data .nw { white-space: nowrap; }
table.data tfoot tr, table.form tr.subtotal, table.form tr.total, table.form tr.grade, table.form tr.veto { font-weight: 700; background: var(--soft); }
table.data tbody tr:nth-child(even) { background: #fbfcfd; }
th button.sort { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.notes { color: var(--muted); font-size: 13px; }
.notes p { margin: 8px 0 0; }
.notes ul { margin: 4px 0; padding-left: 20px; }
ul.pages { columns: 2 260px; padding-left: 20px; }
article.card { border-top: 3px solid var(--accent); margin-top: 28px; padding-top: 4px; }
article.card h2 { margin-top: 8px; }
article.card .facts { color: var(--muted); margin: 0 0 8px; }
table.form { width: 100%; }
table.form td.standard { font-size: 13px; }
p.signatures { margin: 10px 0; white-space: pre-wrap; }
ul.checks { list-style: none; padding: 0; margin: 4px 0; }
ul.checks li.ok::before { content: "✓ "; color: var(--ok); font-weight: 700; }
ul.checks li.no::before { content: "✗ "; color: var(--bad); font-weight: 700; }
.status-ok { color: var(--ok); font-weight: 700; }
.status-no { color: var(--bad); font-weight: 700; }
.explain p { margin: 2px 0; }
.explain .d1 { padding-left: 1.5em; }
.explain .d2 { padding-left: 3em; color: var(--muted); }
.explain .d3 { padding-left: 4.5em; color: var(--muted); font-size: 13px; }
.explain ul { margin: 0; padding-left: 5.5em; color: var(--muted); font-size: 13px; }
.explain h4 { border-bottom: 1px solid var(--line); }
.note { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  nav.site, .skip, details summary, th button.sort::after { display: none !important; }
  html { line-height: 1.35; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 15pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 8pt 0 4pt; }
  h3 { font-size: 11pt; margin: 8pt 0 3pt; }
  h4 { font-size: 10pt; margin: 6pt 0 2pt; }
  .explain { font-size: 8.5pt; }
  .explain ul, .explain .d3 { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
  main.wide { page: wide; }
  .table-wrap { overflow: visible; }
  table.data, table.form { font-size: 8.5pt; }
  /* On paper nothing scrolls: the sheet's columns share the page's width again. */
  table.data .nw { white-space: normal; }
  table.data thead th.num { min-width: 0; }
  table.data td:not(.num), table.data tbody th:not(.num) { min-width: 4em; }
  table.data th, table.data td, table.form th, table.form td { padding: 1pt 4pt; }
  table.form td.standard { font-size: 8pt; }
  table.data thead th, table.form thead th { position: static; }
  thead { display: table-header-group; }
  tr, figure.chart, .figures div { break-inside: avoid; }
  .charts { display: block; }
  figure.chart { margin-bottom: 10px; }
  article.card { break-before: page; border-top: 0; margin-top: 0; }
  article.card:first-of-type { break-before: auto; }
  details { display: block; }
  footer { font-size: 8pt; }
}
`;

/** Table headers become sort buttons; a click sorts the body rows by that column, again the other way. */
export const SORT_SCRIPT = `(function () {
  var tables = document.querySelectorAll('table[data-sortable]');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var down = th.getAttribute('aria-sort') === 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
        var numeric = th.classList.contains('num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
          var cell = row.cells[col];
          var v = cell ? (numeric ? cell.getAttribute('data-v') : cell.textContent) : '';
          return { row: row, i: i, empty: v === null || v === '', v: numeric ? Number(v) : String(v) };
        });
        rows.sort(function (a, b) {
          if (a.empty !== b.empty) return a.empty ? 1 : -1;
          var c = numeric ? a.v - b.v : a.v.localeCompare(b.v, 'zh-CN');
          return (down ? -c : c) || a.i - b.i;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  });
})();`;
