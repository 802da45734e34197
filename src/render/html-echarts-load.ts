// Loads the ECharts parts (html-echarts.ts) on first use. One line of its own so that the
// single-file build (scripts/bundle.mjs) can swap it for an import of the same code kept as a
// data: URL string, which costs no parsing at start-up (the pinned .mj/mj.mjs starts every command).

export const loadEcharts = (): Promise<typeof import('./html-echarts.js')> => import('./html-echarts.js');
