// The regional page: funnel, penetration beside the national figure and the other regions (small
// multiples in code order, not a league table), adoption curves, stalled spirals, support, networks.
import { apiGet } from './api.js';
import { chooser, queryParam, startPage } from './page.js';
import { chartFigure, dataTable, day, el, LINE_TYPES, percent, SERIES_COLORS, setStatus, wrappedLegend } from './ui.js';

const STEPS = ['recognition', 'knowing', 'decision', 'change', 'sustainability', 'closed'];
const shareCell = (figure) => ({ text: `${percent(figure.share)} (${figure.withLiveSpiral} of ${figure.registered})`, value: figure.share });

function funnel(view) {
  const counts = STEPS.map((step) => view.funnel[step]);
  return chartFigure({
    name: 'funnel', title: 'Funnel: spirals at each step', height: 280,
    label: `Funnel of ${view.shaCode}: ${STEPS.map((step, i) => `${step} ${counts[i]}`).join(', ')}; ${view.funnel.total} spirals in all.`,
    option: { grid: { left: 110, right: 30, top: 10, bottom: 30 }, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: STEPS }, series: [{ type: 'bar', data: counts, itemStyle: { color: '#0072B2' }, label: { show: true, position: 'right' } }] },
    table: dataTable('Funnel', ['Step', 'Spirals'], [...STEPS.map((step, i) => [step, counts[i]]), ['total', view.funnel.total]], 'funnel'),
  });
}

function penetrationMultiple(name, penetration, own) {
  const shares = [penetration.teams.share, penetration.organisations.share].map((share) => (share === null ? 0 : Math.round(share * 1000) / 10));
  const figure = chartFigure({
    name: `penetration-${name}`, title: name, height: 180,
    label: `${name}: ${percent(penetration.teams.share)} of teams and ${percent(penetration.organisations.share)} of organisations have a live spiral.`,
    option: { grid: { left: 100, right: 40, top: 5, bottom: 25 }, xAxis: { type: 'value', min: 0, max: 100, interval: 50, axisLabel: { formatter: '{value}%' } }, yAxis: { type: 'category', data: ['Teams', 'Organisations'] }, series: [{ type: 'bar', data: shares, itemStyle: { color: own ? '#0072B2' : '#56B4E9' }, label: { show: true, position: 'right', formatter: '{c}%' } }] },
  });
  if (own) figure.classList.add('own-region');
  return figure;
}

function penetration(view) {
  const { national, regions } = view.comparison;
  const others = [...regions].sort((a, b) => a.shaCode.localeCompare(b.shaCode));
  return el('div', {}, [
    el('p', { text: 'Share of teams and of organisations with a live spiral. Your region is outlined; the other regions follow in code order, to compare with, not to rank.' }),
    el('div', { class: 'multiples' }, [penetrationMultiple(`${view.shaCode} (this region)`, view.penetration, true), penetrationMultiple('National', national.penetration, false), ...others.filter((region) => region.shaCode !== view.shaCode).map((region) => penetrationMultiple(region.shaCode, region.penetration, false))]),
    dataTable('Penetration', ['Where', 'Teams with a live spiral', 'Organisations with a live spiral'], [
      [`${view.shaCode} (this region)`, shareCell(view.penetration.teams), shareCell(view.penetration.organisations)],
      ['National', shareCell(national.penetration.teams), shareCell(national.penetration.organisations)],
      ...others.map((region) => [region.shaCode, shareCell(region.penetration.teams), shareCell(region.penetration.organisations)]),
    ], 'penetration'),
  ]);
}

function adoptionCurves(view, titles) {
  if (view.adoption.length === 0) return el('p', { text: 'No practice has been adopted in this region yet.' });
  const series = view.adoption.map((practice, i) => ({ name: titles[practice.practiceId] ?? practice.practiceId, type: 'line', step: 'end', data: practice.byMonth.map((month) => [month.month, month.teams]), lineStyle: { type: LINE_TYPES[i % 3] }, symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4] }));
  const { legend, gridBottom, extraHeight } = wrappedLegend(series.map((entry) => entry.name), 1100, 30);
  return chartFigure({
    name: 'adoption', title: 'Adoption of each practice in the region (cumulative adopting teams by month)', height: 340 + extraHeight,
    label: `Adoption curves of ${view.adoption.length} practices in ${view.shaCode}: ${view.adoption.map((practice) => `${titles[practice.practiceId] ?? practice.practiceId}, ${practice.teams} teams`).join('; ')}.`,
    option: { color: SERIES_COLORS, tooltip: { trigger: 'axis' }, legend, grid: { left: 40, right: 20, top: 30, bottom: gridBottom }, xAxis: { type: 'time', axisLabel: { hideOverlap: true } }, yAxis: { type: 'value', minInterval: 1, name: 'adopting teams' }, series },
    table: dataTable('Adoption by practice', ['Practice', 'Adopting teams', 'Adopting organisations'], view.adoption.map((practice) => [titles[practice.practiceId] ?? practice.practiceId, practice.teams, practice.organisations]), 'adoption'),
  });
}

function lists(view) {
  const { sustainedRate, support, networks, stalled } = view;
  return [
    el('h2', { text: 'Gains held' }),
    dataTable('Achieved gains that are sustained', ['Figure', 'Value'], [['Achieved', sustainedRate.achieved], ['Sustained', sustainedRate.sustained], ['Lost', sustainedRate.lost], ['Sustained share', { text: percent(sustainedRate.rate), value: sustainedRate.rate }]], 'sustained'),
    el('h2', { text: `Stalled spirals (no event for ${view.stalledDays} days before ${day(view.asOf)})` }),
    stalled.length === 0 ? el('p', { text: 'No spiral is stalled.' }) : el('div', { class: 'table-scroll' }, dataTable(`${stalled.length} stalled spirals`, ['Spiral', 'Team', 'Organisation', 'Step', 'Last event', 'Days since'], stalled.map((spiral) => [spiral.title || spiral.spiralId, spiral.teamName || spiral.teamId, spiral.orgCode, spiral.step, day(spiral.lastEventAt), spiral.daysSinceLastEvent]), 'stalled')),
    el('h2', { text: 'Support and networks' }),
    dataTable(`Support given (${support.total})`, ['Kind', 'Times'], Object.entries(support.byKind).map(([kind, count]) => [kind, count]), 'support'),
    networks.length === 0 ? el('p', { text: 'No network has been formed yet.' }) : dataTable('Networks and communities of practice', ['Network', 'Kind', 'Members'], networks.map((network) => [network.name, network.kind, network.members]), 'networks'),
  ];
}

async function practiceTitles(view) {
  const entries = await Promise.all(view.adoption.map((practice) => apiGet(`/practices/${encodeURIComponent(practice.practiceId)}`).then((found) => [practice.practiceId, found.title], () => [practice.practiceId, practice.practiceId])));
  return Object.fromEntries(entries);
}

startPage('the region', async (claims, content) => {
  const shaCode = queryParam('sha') ?? claims.sha;
  content.append(chooser({ label: 'Region (SHA code)', name: 'sha', value: shaCode, hint: 'A regional user reads only their own region.' }));
  if (!shaCode) return setStatus('empty', 'Choose a region to see its view.', 'Enter an SHA code, for example S01.');
  const view = await apiGet(`/regions/${encodeURIComponent(shaCode)}/view`);
  const titles = await practiceTitles(view);
  content.append(
    el('section', { 'aria-labelledby': 'region-heading', 'data-region': view.shaCode }, [
      el('h2', { id: 'region-heading', text: `Region ${view.shaCode}, as of ${day(view.asOf)}${view.asOfFrom === 'latestEvent' ? ' (its latest event)' : ''}` }),
      funnel(view),
      el('h2', { text: 'Penetration' }),
      penetration(view),
      el('h2', { text: 'Adoption curves' }),
      adoptionCurves(view, titles),
      ...lists(view),
    ]),
  );
  setStatus('done', '');
});
