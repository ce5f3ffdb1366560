// One spiral on the team page: its SPC chart (the option shared with chart.svg), the chart's numbers
// as tables, a picture to download, the confirmation of a suggested rebase, its whole record, and
// while it is still learning, the catalogue to pull knowledge from.
import { apiGet, apiPost, currentToken } from './api.js';
import { knowledgeForm } from './catalogue-picker.js';
import { spiralRecord } from './spiral-record.js';
import { chartFigure, dataTable, decimal, el, setStatus, showError } from './ui.js';

const spc = window.SpiralSpcChart;
const TYPE_NAMES = Object.fromEntries(spc.POINT_TYPES.map((kind) => [kind.type, kind.name]));

function chartTables(spiral) {
  const chart = spiral.chart;
  const limits = dataTable('Centre line and limits (the process as it runs now)', ['Figure', 'Value'], [
    ['Mean', { text: decimal(chart.mean), value: chart.mean }],
    ['Lower process limit', { text: decimal(chart.lowerLimit), value: chart.lowerLimit }],
    ['Upper process limit', { text: decimal(chart.upperLimit), value: chart.upperLimit }],
    ['Trial limits', chart.trial ? 'yes: fewer than 12 baseline points' : 'no'],
    ['Target', { text: String(spiral.target), value: spiral.target }],
    ['Assurance', chart.assurance ? spc.ASSURANCE[chart.assurance] : 'no target assurance'],
    ['Chart', chart.why ?? 'an XmR chart'],
    ...(chart.kind === 'run' ? [
      ['Median (centre line)', { text: decimal(chart.median), value: chart.median }],
      ['Longest run (limit)', chart.runs ? `${chart.runs.longestRun} (more than ${chart.runs.longestRunMax} signals)` : '–'],
      ['Crossings (limit)', chart.runs ? `${chart.runs.crossings} (fewer than ${chart.runs.crossingsMin} signal)` : '–'],
    ] : []),
  ], 'spc-limits');
  const points = dataTable('Points', ['Period', 'Value', 'Moving range', 'Variation', 'Rule'], chart.points.map((point) => [
    point.period, { text: String(point.value), value: point.value }, { text: decimal(point.movingRange), value: point.movingRange }, TYPE_NAMES[point.type], point.rule ? spc.RULE_NAMES[point.rule] : '–',
  ]), 'spc-points');
  const signals = dataTable('Signals', ['First period', 'Rule', 'Kind', 'Points'], chart.signals.map((signal) => [
    signal.periods[0], spc.RULE_NAMES[signal.rule], signal.kind, { text: String(signal.periods.length), value: signal.periods.length },
  ]), 'spc-signals');
  return el('div', { class: 'table-scroll' }, [limits, signals, points]);
}

function gainsList(spiral) {
  if (spiral.gains.length === 0) return el('p', { text: 'No gain recorded yet: the chart has not signalled one.' });
  return dataTable('Gains, as SPC signalled them', ['Gain', 'Rule', 'Periods', 'Recorded as happening'], spiral.gains.map((gain) => [
    gain.kind, spc.RULE_NAMES[gain.rule] || gain.rule, `${gain.periods[0]} to ${gain.periods[gain.periods.length - 1]}`, String(gain.occurredAt).slice(0, 10),
  ]), 'spc-gains');
}

async function downloadSvg(spiral) {
  const response = await fetch(`/api/v1/spirals/${encodeURIComponent(spiral.id)}/chart.svg`, { headers: { Authorization: `Bearer ${currentToken()}` } });
  if (!response.ok) throw new Error(`The picture could not be made (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `spiral-${spiral.id}.svg` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function rebaseForm(spiral, reload) {
  const suggestion = spiral.chart.suggestedRebase;
  const id = `reason-${spiral.id}`;
  const message = el('p', { role: 'status', 'aria-live': 'polite' });
  const reason = el('textarea', { id, rows: 3, required: true, 'aria-describedby': `${id}-hint` });
  const form = el('form', { class: 'rebase-form', 'data-rebase': spiral.id }, [
    el('h4', { text: `A rebase is suggested from ${suggestion.fromPeriod}` }),
    el('p', { id: `${id}-hint`, class: 'hint', text: `A sustained ${spc.RULE_NAMES[suggestion.rule]} began at ${suggestion.fromPeriod}. Limits are never recalculated on their own: confirm the rebase only if the process has really changed, and say why.` }),
    el('label', { for: id, text: 'Reason for the rebase' }),
    reason,
    el('button', { type: 'submit', text: `Confirm rebase from ${suggestion.fromPeriod}` }),
    message,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = 'Recording the rebase…';
    try {
      await apiPost(`/spirals/${encodeURIComponent(spiral.id)}/rebase`, { fromPeriod: suggestion.fromPeriod, reason: reason.value.trim() }, { 'If-Match': String(spiral.revision) });
      message.textContent = 'Rebase recorded. Redrawing the chart once the view has it…';
      setStatus('info', `Rebase from ${suggestion.fromPeriod} recorded for ${spiral.title}.`, 'The chart below is redrawn with the new limits from that period.');
      await reload();
    } catch (error) {
      message.textContent = `${error.message} ${error.advice || ''}`;
    }
  });
  return form;
}

const LEARNING_STEPS = ['recognition', 'knowing', 'decision'];

export async function renderSpiral(section, spiralId, claims, team = {}) {
  const spiral = await apiGet(`/spirals/${encodeURIComponent(spiralId)}`);
  const reload = async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await renderSpiral(section, spiralId, claims, team).catch(showError);
  };
  const parts = [el('p', { text: `${spiral.measure.name} (${spiral.measure.unit}); baseline ${spiral.baseline}, target ${spiral.target}; ${spiral.cycles} change cycles.` })];
  if (!spiral.chart || spiral.chart.points.length === 0) {
    parts.push(el('p', { class: 'status', text: spiral.chartProblem ? `No chart: ${spiral.chartProblem}` : 'No measurements recorded yet: the chart appears when the first points are recorded.' }));
  } else {
    const option = spc.spcChartOption(spiral, { width: document.querySelector('main')?.clientWidth ?? 900 });
    parts.push(chartFigure({ name: 'spc', title: `SPC chart: ${spiral.title}`, label: spc.describeSpcChart(spiral), option, table: chartTables(spiral), height: Math.max(460, spc.minimumHeight(option)) }));
    parts.push(el('button', { type: 'button', text: 'Download the chart (SVG)', onclick: () => downloadSvg(spiral).catch(showError) }));
    if (spiral.chart.suggestedRebase && claims.role === 'local' && spiral.step !== 'closed') parts.push(rebaseForm(spiral, reload));
  }
  parts.push(gainsList(spiral));
  parts.push(await spiralRecord(spiral));
  if (claims.role === 'local' && LEARNING_STEPS.includes(spiral.step)) parts.push(knowledgeForm(spiral, team.specialty, reload));
  section.querySelector('.spiral-body').replaceChildren(...parts);
  return spiral;
}
