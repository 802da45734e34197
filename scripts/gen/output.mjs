// Writing files: a buffered UTF-8 writer to FILE.tmp that is renamed over FILE only when every file
// is complete and checked, and the quoting of CSV fields and YAML scalars.
import fs from 'node:fs';
import { Buffer } from 'node:buffer';

/** w(s) appends text; close() flushes and closes FILE.tmp; commit() renames it over FILE. */
export class Out {
  constructor(file) {
    this.file = file;
    this.tmp = `${file}.tmp`;
    this.fd = fs.openSync(this.tmp, 'w');
    this.parts = [];
    this.len = 0;
    this.bytes = 0;
  }
  w(s) {
    this.parts.push(s);
    this.len += s.length;
    if (this.len >= 1 << 20) this.flush();
  }
  flush() {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.parts = [];
    this.len = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
    return this;
  }
  commit() { fs.renameSync(this.tmp, this.file); }
}

/** a CSV field: quoted (quotes doubled) when it holds a quote, comma or line break */
export const csv = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const YAML_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;
/** a YAML scalar: plain when it reads back as the same string, else JSON-quoted */
export const yq = (s) => (YAML_PLAIN.test(s) && !/\s$/.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d.eE+-]*)$/i.test(s) ? s : JSON.stringify(s));
