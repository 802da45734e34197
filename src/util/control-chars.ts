// Characters that are never a clerk's data: C0 controls but TAB, LF and CR; DEL; C1 controls;
// the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069). They arrive by copy and paste,
// and printed raw they can drive a terminal (ESC sequences set the clipboard, clear the screen)
// or reorder what a reader sees. Found when reading (MJ214) and shown as visible symbols.

/** Never data, line breaks allowed (YAML values, quoted CSV cells). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Never data, nor a line break (unquoted CSV cells, where a CR is not a line end). */
const CONTROL_OR_BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const CONTROL_OR_BREAK_ALL = new RegExp(CONTROL_OR_BREAK.source, 'g');

/** Index of the first character that is never data (LF and CR count unless `breaks`), or -1. */
export function findControl(s: string, breaks: boolean): number {
  return s.search(breaks ? CONTROL : CONTROL_OR_BREAK);
}

/** The text without those characters. */
export function withoutControls(s: string, breaks: boolean): string {
  return s.replace(breaks ? CONTROL_ALL : CONTROL_OR_BREAK_ALL, '');
}

/** `U+001B`: how a message names a character. */
export function codePointName(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Any control or bidi character, TAB and line breaks included: what display replaces. */
const SHOWN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SHOWN_ALL = new RegExp(SHOWN.source, 'g');

/**
 * One character as it is safe to print: C0 controls and DEL as their Control Pictures (␛ for
 * ESC, ␊ for LF; one column wide, so carets stay aligned), C1 controls and bidi characters as
 * `\u0085`. Every other character as it is.
 */
export function visibleChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch.length !== 1 || !SHOWN.test(ch)) return ch;
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** Text with every control and bidi character made visible (TAB and line breaks too). */
export function visible(s: string): string {
  return SHOWN.test(s) ? s.replace(SHOWN_ALL, visibleChar) : s;
}
