// The parts of Apache ECharts the HTML report draws with, registered once: bar, line and boxplot
// series, the grid and the legend, and the SVG renderer (server-side: a string, no DOM). Only
// html-charts.ts imports this module, and only dynamically, so no other command loads ECharts.

import { BarChart, BoxplotChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, BoxplotChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
export type { EChartsCoreOption } from 'echarts/core';
