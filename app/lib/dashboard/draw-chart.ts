/**
 * Draws a ChartSpec with Chart.js on a canvas. Only the pieces used are registered (bars, lines,
 * category and linear scales, legend, tooltip), so the bundle carries nothing else; this module
 * is imported only by the dashboard, so Chart.js lands in its chunk and never on the victim page.
 *
 * **Told apart without colour:** bars are solid, lines dashed with diamond points. Both colours
 * have more than 4.5:1 contrast with white (WCAG AA).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from "chart.js";
import type { ChartSeries, ChartSpec } from "./chart-data";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const INK = "#1b1b1b";
const MUTED = "#505050";
const GRID = "#d8d8d8";
/** 8.1:1 on white. */
const BAR = "#1d4f91";
/** 7.3:1 on white. */
const LINE = "#a4262c";

type Kind = "bar" | "line";

function dataset(series: ChartSeries, manyPoints: boolean, onlyLine: boolean): ChartDataset<Kind, number[]> {
  if (series.kind === "bar") {
    return { type: "bar", label: series.label, data: series.values, yAxisID: series.axis, backgroundColor: BAR, borderColor: BAR, maxBarThickness: 56, order: 2 };
  }
  // A line on its own is the chart's only series: solid is clearer; beside bars it is dashed.
  const colour = onlyLine ? BAR : LINE;
  return {
    type: "line",
    label: series.label,
    data: series.values,
    yAxisID: series.axis,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    borderDash: onlyLine ? [] : [6, 4],
    pointStyle: "rectRot",
    pointRadius: manyPoints ? 0 : 4,
    pointHoverRadius: 5,
    order: 1,
  };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart<Kind, number[], string> {
  const drawn = spec.series.filter((s) => !s.tableOnly);
  const manyPoints = spec.categories.length > 60;
  const onlyLine = drawn.length === 1 && drawn[0]!.kind === "line";
  const hasRight = drawn.some((s) => s.axis === "y1");
  const axisTitle = (text: string | undefined) => ({ display: Boolean(text), text: text ?? "", color: INK });
  const integerTicks = (axis: "y" | "y1") => drawn.filter((s) => s.axis === axis).every((s) => s.decimals === 0);

  const config: ChartConfiguration<Kind, number[], string> = {
    type: "bar",
    data: { labels: spec.categories, datasets: drawn.map((s) => dataset(s, manyPoints, onlyLine)) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersReducedMotion() ? false : { duration: 400 },
      font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      color: INK,
      plugins: {
        // In the order of the table's columns, not the drawing order (lines are drawn over bars).
        legend: { display: drawn.length > 1, labels: { usePointStyle: true, color: INK, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { ticks: { color: MUTED, autoSkip: true, maxRotation: 60 }, grid: { display: false } },
        y: {
          position: "left",
          beginAtZero: true,
          ticks: { color: MUTED, precision: integerTicks("y") ? 0 : undefined },
          grid: { color: GRID },
          title: axisTitle(spec.axisTitles.y),
        },
        ...(hasRight
          ? {
              y1: {
                position: "right" as const,
                beginAtZero: true,
                ticks: { color: MUTED, precision: integerTicks("y1") ? 0 : undefined },
                grid: { drawOnChartArea: false },
                title: axisTitle(spec.axisTitles.y1),
              },
            }
          : {}),
      },
    },
  };
  return new Chart(canvas, config);
}
