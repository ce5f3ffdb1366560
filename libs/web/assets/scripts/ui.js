// Small DOM helpers shared by the pages. Values from the API are set as text, never as HTML.
import * as echarts from '/assets/vendor/echarts.esm.min.mjs';

export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** Loading, empty and error states, announced to screen readers by the live region. */
export function setStatus(kind, message, advice) {
  const status = document.getElementById('status');
  status.className = `status status-${kind}`;
  status.replaceChildren(el('p', { text: message }), advice ? el('p', { class: 'advice', text: advice }) : null);
  status.hidden = kind === 'done';
}

export function showError(error) {
  setStatus('error', error.message || String(error), error.advice || 'Reload the page; if it happens again, sign in again.');
}

export const percent = (share) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`);
export const decimal = (value, digits = 2) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
export const day = (iso) => (iso ? String(iso).slice(0, 10) : '–');

/**
 * A data table; each cell is `{text, value}` or a plain value. `data-value` keeps the API's exact
 * number beside the text a person reads, so a test (or a copy-paste) gets the figure itself.
 */
export function dataTable(caption, headers, rows, name) {
  const cell = (content, header) => {
    const item = content !== null && typeof content === 'object' && 'text' in content ? content : { text: content, value: typeof content === 'number' ? content : undefined };
    return el(header ? 'th' : 'td', { scope: header ? 'row' : undefined, text: item.text ?? '–', 'data-value': item.value === undefined || item.value === null ? undefined : String(item.value) });
  };
  return el('table', { 'data-table': name }, [
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col', text: header })))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((content, i) => cell(content, i === 0))))),
  ]);
}

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

/**
 * A chart with its text alternative: the drawing is an image with an aria-label saying what it
 * shows, and the data table beside it holds every number drawn.
 */
export function chartFigure({ name, title, label, option, table, height = 360 }) {
  const canvas = el('div', { class: 'chart', role: 'img', 'aria-label': label, 'data-chart': name, style: `height:${height}px` });
  const figure = el('figure', { class: 'chart-figure' }, [
    el('figcaption', { text: title }),
    canvas,
    table ? el('details', { class: 'chart-data' }, [el('summary', { text: `Data table: ${title}` }), table]) : null,
  ]);
  requestAnimationFrame(() => {
    const chart = echarts.init(canvas, null, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    // ECharts labels its own drawing too; ours, which says what the chart is about, stays on the container.
    canvas.setAttribute('aria-label', label);
    charts.add(chart);
  });
  return figure;
}

/**
 * A legend below the plot that shows every entry, wrapped into as many rows as it needs (never
 * paged), and the grid bottom and extra height that leave it room; row count estimated from the
 * names' lengths at the chart's width.
 */
export function wrappedLegend(names, width = 1100, below = 30) {
  const rows = Math.max(1, Math.ceil(names.reduce((sum, name) => sum + name.length * 6.5 + 40, 0) / (width - 40)));
  return { legend: { type: 'plain', bottom: 0, left: 10, right: 10 }, gridBottom: below + rows * 22, extraHeight: rows * 22 };
}

/** Time-axis labels for a small chart: a few ticks, years where a year starts, never overlapping. */
export const SMALL_TIME_AXIS = { type: 'time', splitNumber: 3, axisLabel: { hideOverlap: true, fontSize: 11, formatter: { year: '{yyyy}', month: '{MMM} {yy}', day: '{d} {MMM}' } } };

/** Okabe–Ito colours (colour-blind safe) for series that are told apart by colour and by line style. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const LINE_TYPES = ['solid', 'dashed', 'dotted'];
