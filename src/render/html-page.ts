// The frame of every page of the HTML report: the document head (charset, the style sheet, a
// Content-Security-Policy that lets the page load nothing from anywhere and run only its own
// sort script, by hash), the site's navigation, the main part, the footer.

import { esc } from './html-escape.js';
import { SORT_SCRIPT, STYLE } from './html-style.js';

export interface NavLink {
  readonly href: string;
  readonly label: string;
}

export interface PageFrame {
  readonly lang: 'zh' | 'en';
  /** The page's title (before the site's). */
  readonly title: string;
  readonly siteTitle: string;
  readonly nav: readonly NavLink[];
  /** The nav entry this page belongs to. */
  readonly current: string;
  /** Printed on landscape A4 (wide tables). */
  readonly wide: boolean;
  readonly footer: string;
  /** The page has sortable tables: it carries the script. */
  readonly script: boolean;
  /** base64 SHA-256 of the sort script, for the policy. */
  readonly scriptHash: string;
}

/** base64 of the SHA-256 of a text (the CSP hash of an inline script). */
export async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function* page(f: PageFrame, body: Iterable<string>): Generator<string> {
  const zh = f.lang === 'zh';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${f.scriptHash}'; base-uri 'none'; form-action 'none'`;
  yield [
    '<!DOCTYPE html>',
    `<html lang="${zh ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="generator" content="mj report">',
    `<title>${esc(f.title === f.siteTitle ? f.siteTitle : `${f.title} · ${f.siteTitle}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#main">${zh ? '跳到正文' : 'Skip to content'}</a>`,
    `<nav class="site" aria-label="${zh ? '报表导航' : 'Report pages'}">${f.nav.map((n) => `<a href="${esc(n.href)}"${n.href === f.current ? ' aria-current="page"' : ''}>${esc(n.label)}</a>`).join('\n')}</nav>`,
    `<main id="main"${f.wide ? ' class="wide"' : ''}>`,
    '',
  ].join('\n');
  yield* body;
  yield `</main>\n<footer><p>${esc(f.footer)}</p></footer>\n`;
  if (f.script) yield `<script>${SORT_SCRIPT}</script>\n`;
  yield '</body>\n</html>\n';
}
