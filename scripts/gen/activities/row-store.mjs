// The column store of one year's duty records: compact enough for the national-scale data
// (millions of rows), written out by writeActivities (write-files.mjs) in order of date.
import { L, T } from '../vocab/records.mjs';

/** a growable typed array: a holds the values, n how many */
class Grow {
  constructor(Ctor, cap = 1024) { this.Ctor = Ctor; this.a = new Ctor(cap); this.n = 0; }
  push(v) {
    if (this.n === this.a.length) { const b = new this.Ctor(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
}

/**
 * One year's duty records as columns of typed arrays, in the order they are added: day numbers,
 * TYPES and LEVELS indices, org.ord, the members (mStart/mLen into mem, member indices), OUTCOMES
 * bits, tenths of an hour (-1 none), and interned strings for titles, tags and notes (strs).
 */
export class RowStore {
  constructor(year) {
    this.year = year;
    this.day = new Grow(Int32Array); this.type = new Grow(Uint8Array); this.org = new Grow(Int32Array);
    this.mStart = new Grow(Int32Array); this.mLen = new Grow(Int32Array); this.title = new Grow(Int32Array);
    this.level = new Grow(Uint8Array); this.outc = new Grow(Uint32Array); this.hours = new Grow(Int16Array);
    this.tags = new Grow(Int32Array); this.note = new Grow(Int32Array);
    this.mem = new Grow(Int32Array, 4096);
    this.strs = ['']; this.strIdx = new Map([['', 0]]);
    this.n = 0;
  }
  intern(s) {
    let i = this.strIdx.get(s);
    if (i === undefined) { i = this.strs.length; this.strs.push(s); this.strIdx.set(s, i); }
    return i;
  }
  add(d, type, org, members, title, { level = '', outc = 0, hours = -1, tags = '', note = '' } = {}) {
    this.day.push(d); this.type.push(T[type]); this.org.push(org.ord);
    this.mStart.push(this.mem.n); this.mLen.push(members.length);
    for (const i of members) this.mem.push(i);
    this.title.push(this.intern(title)); this.level.push(L[level]); this.outc.push(outc);
    this.hours.push(hours < 0 ? -1 : Math.round(hours * 10)); this.tags.push(this.intern(tags)); this.note.push(this.intern(note));
    this.n++;
  }
}
