// The national page: spread of each practice by month, Kaplan–Meier time to adopt, penetration by
// region with its variation, field-test verdicts, impact and sustained shares.
import { apiGet } from './api.js';
import { startPage } from './page.js';
import { chartFigure, dataTable, day, decimal, el, LINE_TYPES, percent, SERIES_COLORS, setStatus, SMALL_TIME_AXIS, wrappedLegend } from './ui.js';

/** The scales FieldTestConcluded names (event catalogue EFFECT_SCALES), in words. */
const EFFECT_SCALES = { standardisedMeanDifference: 'standardised mean difference (Cohen\'s d)', relativeChange: 'relative change (fraction of the baseline)', absoluteChange: 'absolute change (in the measure\'s unit)', protocol: 'as the field test\'s protocol defines it' };
const LEVELS = [['teams', 'Teams'], ['organisations', 'Organisations'], ['regions', 'Regions']];
const num = (value, digits) => ({ text: decimal(value, digits), value });

function spreadMultiples(practices) {
  const adopted = practices.filter((practice) => practice.spread.teams > 0);
  if (adopted.length === 0) return el('p', { text: 'No practice has been adopted yet.' });
  return el('div', { class: 'multiples' }, adopted.map((practice) => chartFigure({
    name: `spread-${practice.practiceId}`, title: practice.title, height: 240,
    label: `Cumulative spread of ${practice.title} by month: ${practice.spread.teams} teams, ${practice.spread.organisations} organisations, ${practice.spread.regions} regions.`,
    option: { color: SERIES_COLORS, tooltip: { trigger: 'axis' }, legend: { top: 0, itemGap: 6, itemWidth: 14, textStyle: { fontSize: 11 } }, grid: { left: 34, right: 14, top: 30, bottom: 26 }, xAxis: SMALL_TIME_AXIS, yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
      series: LEVELS.map(([key, name], i) => ({ name, type: 'line', step: 'end', symbol: ['circle', 'rect', 'triangle'][i], symbolSize: 4, lineStyle: { type: LINE_TYPES[i] }, data: practice.spread.byMonth.map((month) => [month.month, month[key]]) })) },
  })));
}

const DAYS_PER_MONTH = 365.25 / 12;
const months = (days) => Math.round((days / DAYS_PER_MONTH) * 10) / 10;

/**
 * Kaplan–Meier in months since publication, over the range observed: the axis ends at the longest
 * follow-up (the view's moment, or retirement), each curve carried flat to the end of its own.
 */
function kaplanMeier(practices) {
  const estimated = practices.filter((practice) => practice.timeToAdopt.estimated);
  if (estimated.length === 0) return el('p', { text: 'No practice has been published long enough to estimate its time to adopt.' });
  const followUp = (practice) => months((Date.parse(practice.timeToAdopt.followedUntil) - Date.parse(practice.publishedAt)) / 86_400_000);
  const series = estimated.map((practice, i) => {
    const steps = practice.timeToAdopt.curve.steps.map((step) => [months(step.time), step.survival]);
    const last = steps.at(-1)?.[1] ?? 1;
    return { name: practice.title, type: 'line', step: 'end', showSymbol: false, lineStyle: { type: LINE_TYPES[i % 3], width: 2 }, data: [[0, 1], ...steps, [followUp(practice), last]] };
  });
  const longest = Math.max(...estimated.map(followUp));
  // The share axis starts a tenth below the lowest share observed (never below 0), so curves that
  // stay near 100% are told apart; its labels say where it starts.
  const lowest = Math.min(...series.flatMap((entry) => entry.data.map(([, survival]) => survival)));
  const floor = Math.max(0, Math.floor((lowest - 0.1) * 10) / 10);
  const { legend, gridBottom, extraHeight } = wrappedLegend(estimated.map((practice) => practice.title), 1100, 60);
  return chartFigure({
    name: 'kaplan-meier', title: 'Time from publication to adoption (Kaplan–Meier: share of teams not yet adopting)', height: 360 + extraHeight,
    label: `Kaplan–Meier curves of ${estimated.length} published practices: the share of registered teams not yet adopting against months since publication, up to ${Math.ceil(longest)} months, the share axis from ${Math.round(floor * 100)}%; teams that have not adopted are censored.`,
    option: { color: SERIES_COLORS, tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value) }, legend, grid: { left: 64, right: 24, top: 20, bottom: gridBottom },
      xAxis: { type: 'value', min: 0, max: Math.ceil(longest / 6) * 6, interval: longest > 60 ? 12 : 6, name: 'months since publication', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', min: floor, max: 1, name: 'share of teams not yet adopting', nameLocation: 'middle', nameGap: 46, axisLabel: { formatter: (value) => `${Math.round(value * 100)}%` } }, series },
    table: dataTable('Time to adopt', ['Practice', 'Adopted', 'Not yet adopted', 'Share adopted', 'Median months', 'Followed for (months)'], estimated.map((practice) => {
      const time = practice.timeToAdopt;
      return [practice.title, time.adopted, time.notYetAdopted, { text: percent(time.adoptedShare), value: time.adoptedShare }, time.curve.median === null ? 'not reached' : num(months(time.curve.median), 1), num(followUp(practice), 1)];
    }), 'time-to-adopt'),
  });
}

function variation(view) {
  const regions = [...view.variation.regions].sort((a, b) => a.shaCode.localeCompare(b.shaCode));
  const { teams, organisations } = view.variation;
  return [
    chartFigure({
      name: 'variation', title: 'Penetration by region (share of teams with a live spiral), in code order', height: 300,
      label: `Penetration of teams across ${regions.length} regions: mean ${percent(teams.mean)}, standard deviation ${decimal(teams.sd, 3)}, coefficient of variation ${decimal(teams.cv, 3)}.`,
      option: { grid: { left: 50, right: 20, top: 20, bottom: 30 }, xAxis: { type: 'category', data: regions.map((region) => region.shaCode) }, yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'bar', itemStyle: { color: '#0072B2' }, data: regions.map((region) => (region.penetration.teams.share === null ? 0 : Math.round(region.penetration.teams.share * 1000) / 10)), markLine: { symbol: 'none', data: teams.mean === null ? [] : [{ yAxis: Math.round(teams.mean * 1000) / 10, name: 'mean', label: { formatter: 'mean {c}%' }, lineStyle: { type: 'dashed', color: '#000' } }] } }] },
      table: dataTable('Penetration by region', ['Region', 'Teams with a live spiral', 'Organisations with a live spiral'], regions.map((region) => [region.shaCode, { text: percent(region.penetration.teams.share), value: region.penetration.teams.share }, { text: percent(region.penetration.organisations.share), value: region.penetration.organisations.share }]), 'regions'),
    }),
    dataTable('Variation across regions', ['Share of', 'Regions', 'Mean', 'Standard deviation', 'Coefficient of variation'], [
      ['Teams', teams.n, num(teams.mean, 3), num(teams.sd, 3), num(teams.cv, 3)],
      ['Organisations', organisations.n, num(organisations.mean, 3), num(organisations.sd, 3), num(organisations.cv, 3)],
    ], 'variation'),
  ];
}

function fieldTests(practices) {
  const rows = practices.flatMap((practice) => practice.fieldTests.map((test) => [practice.title, test.sites.join(', '), test.reports, test.verdict ?? 'running', test.effectSize === null || test.effectSize === undefined ? '–' : num(test.effectSize, 2), test.effectScale ? EFFECT_SCALES[test.effectScale] ?? test.effectScale : '–', day(test.concludedAt)]));
  return rows.length === 0 ? el('p', { text: 'No field test has started yet.' }) : el('div', { class: 'table-scroll' }, dataTable('Field tests and their verdicts', ['Practice', 'Sites', 'Reports', 'Verdict', 'Effect size', 'Scale of the effect size', 'Concluded'], rows, 'field-tests'));
}

function impact(practices) {
  const adopted = practices.filter((practice) => practice.impact.spirals > 0 || practice.sustainability.achieved > 0);
  if (adopted.length === 0) return el('p', { text: 'No adopter has recorded an improvement yet.' });
  return chartFigure({
    name: 'impact', title: 'Impact (mean relative improvement on target measures) and share of gains sustained at 12 months', height: 90 + adopted.length * 44,
    label: `Impact and sustained shares of ${adopted.length} practices: ${adopted.map((practice) => `${practice.title}, impact ${percent(practice.impact.onTargetMeasures.mean)}, sustained ${percent(practice.sustainability.at12Months.sustained.share)}`).join('; ')}.`,
    option: { color: ['#0072B2', '#E69F00'], legend: { top: 0 }, tooltip: { trigger: 'axis' }, grid: { left: 300, right: 30, top: 30, bottom: 30 }, yAxis: { type: 'category', inverse: true, data: adopted.map((practice) => practice.title), axisLabel: { interval: 0, width: 280, overflow: 'break' } }, xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { name: 'Impact', type: 'bar', data: adopted.map((practice) => (practice.impact.onTargetMeasures.mean === null ? 0 : Math.round(practice.impact.onTargetMeasures.mean * 1000) / 10)) },
        { name: 'Sustained at 12 months', type: 'bar', itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0.8 } }, data: adopted.map((practice) => (practice.sustainability.at12Months.sustained.share === null ? 0 : Math.round(practice.sustainability.at12Months.sustained.share * 1000) / 10)) },
      ] },
    table: dataTable('Impact and sustainability', ['Practice', 'Spirals', 'Mean relative improvement', 'Gains achieved', 'Sustained at 12 months'], adopted.map((practice) => [practice.title, practice.impact.spirals, { text: percent(practice.impact.onTargetMeasures.mean), value: practice.impact.onTargetMeasures.mean }, practice.sustainability.achieved, { text: `${percent(practice.sustainability.at12Months.sustained.share)} (${practice.sustainability.at12Months.sustained.numerator} of ${practice.sustainability.at12Months.sustained.denominator})`, value: practice.sustainability.at12Months.sustained.share }]), 'impact'),
  });
}

function overview(practices) {
  return el('div', { class: 'table-scroll' }, dataTable('Practices and their spread', ['Practice', 'Status', 'Teams', 'Organisations', 'Regions', 'Published'], practices.map((practice) => [practice.title, practice.status, practice.spread.teams, practice.spread.organisations, practice.spread.regions, day(practice.publishedAt)]), 'practices'));
}

startPage('the national view', async (_claims, content) => {
  const view = await apiGet('/national/view');
  const practices = view.practices;
  if (practices.length === 0) setStatus('empty', 'No practice has been proposed yet.', 'Propose one (POST /api/v1/practices) or seed a health service (npm run spiral -- seed).');
  content.append(
    el('p', { text: `As of ${day(view.asOf)}: ${view.teamsRegistered} teams registered, ${practices.length} practices.` }),
    el('h2', { text: 'Practices' }), overview(practices),
    el('h2', { text: 'Spread by month' }), spreadMultiples(practices),
    el('h2', { text: 'Time to adopt' }), kaplanMeier(practices),
    el('h2', { text: 'Geographical variation' }), ...variation(view),
    el('h2', { text: 'Field tests' }), fieldTests(practices),
    el('h2', { text: 'Impact and sustainability' }), impact(practices),
  );
  if (practices.length > 0) setStatus('done', '');
});
