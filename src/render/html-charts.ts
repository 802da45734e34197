// A chart of the report (tables/charts.ts) → inline SVG, drawn at build time by Apache ECharts'
// server-side SVG renderer, loaded on first use (no other output loads it). The bytes are made
// deterministic: no animation, no hover styles, no hydration attributes, and zrender's ids —
// process-wide counters — renumbered in order of appearance under the chart's own prefix, so
// two charts on a page never share an id and the same chart is the same bytes in any run. The
// SVG says what it shows: role="img", an aria-label and a <title> with every number (ECharts'
// own aria text is not emitted server-side). Numbers are exact in the model; here they become
// floats for drawing only.

import type { BarChart, BoxChart, Chart, ChartUnit, LineChart } from '../tables/charts.js';
import { chartValueText } from '../tables/charts.js';
import { Rational } from '../util/decimal-text.js';
import { esc } from './html-escape.js';
import type { EChartsCoreOption } from './html-echarts.js';
import { loadEcharts } from './html-echarts-load.js';
import { FONT_STACK } from './html-style.js';

type Echarts = typeof import('./html-echarts.js');
let echarts: Promise<Echarts> | undefined;
const load = (): Promise<Echarts> => (echarts ??= loadEcharts());

const WIDTH = 640;
/** Categories beyond which bars and boxes are drawn across, one per line. */
const ACROSS_FROM = 9;
const TEXT = '#3d444d';
const PALETTE = ['#1a5fb4', '#e66100', '#26a269', '#a51d2d', '#613583', '#986a44'];

/** A value as a drawing coordinate: shares as percents. */
function draw(v: Rational, unit: ChartUnit): number {
  return Number((unit === 'ratio' ? v.mul(HUNDRED) : v).toFixed(4));
}
const HUNDRED = Rational.int(100);

const axisLabel = { color: TEXT, fontSize: 12 };
const valueAxis = (unit: ChartUnit): Record<string, unknown> => ({
  type: 'value', axisLabel: { ...axisLabel, formatter: unit === 'ratio' ? '{value}%' : '{value}' }, ...(unit === 'ratio' ? { max: 100 } : {}),
  minInterval: unit === 'int' ? 1 : undefined, splitLine: { lineStyle: { color: '#e4e8ec' } },
});
const categoryAxis = (categories: readonly string[], across: boolean): Record<string, unknown> => ({
  type: 'category', data: [...categories], inverse: across, axisTick: { alignWithLabel: true },
  axisLabel: { ...axisLabel, interval: 0, ...(across || categories.length <= 5 ? {} : { rotate: 30 }) },
});

function height(categories: number, across: boolean): number {
  return across ? Math.max(200, 60 + 30 * categories) : 320;
}

function seriesOption(c: BarChart | LineChart): { option: EChartsCoreOption; across: boolean } {
  const across = c.kind === 'bar' && (c.horizontal || c.categories.length >= ACROSS_FROM);
  const labelAt = across ? 'right' : 'top';
  const series = c.series.map((s, i) => ({
    type: c.kind, name: s.name, color: PALETTE[i % PALETTE.length],
    data: s.values.map((v) => ({ value: draw(v, c.unit), label: { formatter: chartValueText(v, c.unit) } })),
    label: { show: true, position: labelAt, color: TEXT, fontSize: 11 },
    ...(c.kind === 'bar' ? { barMaxWidth: 36 } : { symbolSize: 7, lineStyle: { width: 2 } }),
  }));
  const cat = categoryAxis(c.categories, across);
  const val = valueAxis(c.unit);
  return {
    across,
    option: {
      legend: c.series.length > 1 ? { top: 0, textStyle: { color: TEXT } } : undefined,
      grid: { left: 12, right: across ? 56 : 16, top: c.series.length > 1 ? 32 : 20, bottom: 24 },
      xAxis: across ? val : cat,
      yAxis: across ? cat : val,
      series,
    },
  };
}

function boxOption(c: BoxChart): { option: EChartsCoreOption; across: boolean } {
  const across = c.categories.length >= ACROSS_FROM;
  const cat = categoryAxis(c.categories, across);
  const val = { ...valueAxis(c.unit), scale: true };
  return {
    across,
    option: {
      grid: { left: 12, right: 20, top: 20, bottom: 24 },
      xAxis: across ? val : cat,
      yAxis: across ? cat : val,
      series: [{
        type: 'boxplot', name: c.title, itemStyle: { color: '#dbe6f6', borderColor: PALETTE[0] }, boxWidth: [8, 36],
        data: c.boxes.map((b) => [b.min, b.q1, b.median, b.q3, b.max].map((v) => draw(v, c.unit))),
      }],
    },
  };
}

/** zrender's ids and references (zr3-c0, url(#zr3-c0)), renumbered in order of appearance under `prefix`. */
export function renumberIds(svg: string, prefix: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (whole: string, kind: string) => {
    let id = seen.get(whole);
    if (id === undefined) seen.set(whole, (id = `${prefix}-${kind}${seen.size}`));
    return id;
  });
}

/** What the SSR output carries for interactivity, which a static page does not need. */
function staticSvg(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="visible"/g, '');
}

/** The chart as an inline <svg> element, with its text alternative. */
export async function chartSvg(chart: Chart, idPrefix: string): Promise<string> {
  const lib = await load();
  const { option, across } = chart.kind === 'boxplot' ? boxOption(chart) : seriesOption(chart);
  const h = height(chart.categories.length, across);
  const instance = lib.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: h });
  try {
    instance.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK, color: TEXT }, ...option });
    const svg = renumberIds(staticSvg(instance.renderToSVGString()), idPrefix);
    const label = esc(chart.description);
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${label}" `).replace(/^(<svg[^>]*>)/, `$1<title>${label}</title>`);
  } finally {
    instance.dispose();
  }
}
