// The audit page: the hash-chain verification (audit-verify.js), a spiral's trace as a timeline, and each adoption with
// the evidence the catalogue held at the moment of the decision.
import { apiGet } from './api.js';
import { verifySection } from './audit-verify.js';
import { chooser, queryParam, startPage } from './page.js';
import { chartFigure, dataTable, day, el, setStatus } from './ui.js';

/** The spiral by name: its title, team and organisation, as an auditor asks about it. */
function spiralName(spiral, spiralId) {
  return spiral ? `“${spiral.title}” of ${spiral.teamName ?? 'an unnamed team'} (${spiral.orgCode}, ${spiral.shaCode})` : `spiral ${spiralId}`;
}

function timelineChart(trace) {
  const types = [...new Set(trace.events.map((event) => event.type))];
  return chartFigure({
    name: 'trace', title: 'Events of the spiral over time (by when they happened)', height: Math.max(220, 40 + types.length * 28),
    label: `Timeline of ${trace.events.length} events of ${spiralName(trace.spiral, trace.spiralId)}, from ${day(trace.events[0]?.occurredAt)} to ${day(trace.events.at(-1)?.occurredAt)}, of ${types.length} kinds.`,
    option: { grid: { left: 170, right: 20, top: 10, bottom: 30 }, tooltip: { trigger: 'item' }, xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM} {yyyy}' } } }, yAxis: { type: 'category', data: types },
      series: [{ type: 'scatter', symbol: 'diamond', symbolSize: 9, itemStyle: { color: '#0072B2' }, data: trace.events.map((event) => [event.occurredAt, event.type, event.revision]) }] },
  });
}

/** What a point, a gain or a rebase says, where the event's type alone does not. */
function detail(event) {
  const data = event.data ?? {};
  if (event.type === 'MeasurementRecorded') return `: ${data.value} for ${data.period}`;
  if (event.type.startsWith('Gain')) return `: ${data.rule} on ${(data.periods ?? []).join(', ')}`;
  if (event.type === 'RebaseConfirmed') return `: from ${data.fromPeriod}`;
  return '';
}

function timeline(trace) {
  return el('ol', { class: 'timeline', 'aria-label': `Events of ${spiralName(trace.spiral, trace.spiralId)}, oldest first`, 'data-trace': trace.spiralId }, trace.events.map((event) =>
    el('li', { 'data-revision': event.revision }, [
      el('strong', { text: `${event.revision}. ${event.type}${detail(event)}` }),
      el('div', { text: `happened ${event.occurredAt}; recorded ${event.recordedAt}` }),
      el('div', { text: `by ${event.actor.role} ${event.actor.id}${event.actor.org ? ` of ${event.actor.org}` : ''}${event.actor.region ? ` (${event.actor.region})` : ''}` }),
      el('div', { class: 'hint', text: `correlation ${event.correlationId}; caused by ${event.causationId}; event ${event.eventId}` }),
      el('div', { class: 'hint hash', text: `hash ${event.hash}; previous ${event.previousHash ?? 'none (first of its stream)'}` }),
    ])));
}

function evidence(practice) {
  if (!practice) return el('p', { text: 'The adopted option applies no catalogue practice.' });
  if (!practice.known) return el('p', { text: `The practice was not yet in the catalogue at ${practice.asOf}.` });
  const tests = practice.fieldTests.map((test) => `${test.status === 'concluded' ? `${test.verdict}${test.effectSize === undefined ? '' : `, effect ${test.effectSize} (${test.effectScale})`}` : 'running'} (started ${day(test.startedAt)})`);
  return dataTable(`“${practice.title ?? practice.practiceId}” as the catalogue held it at ${practice.asOf}`, ['Figure', 'Value'], [
    ['Status', practice.status ?? '–'], ['Published version', practice.publishedVersion ?? '–'], ['Evidence level', practice.evidenceLevel ?? '–'], ['Retired', practice.retired ? 'yes' : 'no'], ['Field tests', tests.length ? tests.join('; ') : 'none'],
  ], 'evidence');
}

function adoption(decision, spiral) {
  const data = decision.adoption.data;
  const options = decision.chosenFrom ? decision.chosenFrom.data.options : [];
  const chosen = options.find((option) => option.optionId === data.optionId)?.summary ?? data.optionId;
  const practice = decision.practiceAtDecision;
  return el('section', { class: 'spiral', 'data-adoption': decision.adoption.eventId }, [
    el('h3', { text: `${spiral?.teamName ?? 'The team'} adopted “${chosen}”${practice?.title ? ` (the catalogue's “${practice.title}”)` : ''} on ${day(decision.adoption.occurredAt)}` }),
    dataTable('The decision', ['Figure', 'Value'], [
      ['Rationale', data.rationale], ['Decided by', (data.decidedBy ?? []).join(', ')], ['Stakeholders', (data.stakeholders ?? []).join(', ')], ['Patient perspective', data.patientPerspective ?? '–'],
      ['Need', decision.need ? decision.need.data.gap : '–'], ['Knowledge pulled before', decision.knowledge.map((pull) => pull.data.question).join(' | ') || 'none'], ['Chosen from', options.map((option) => option.summary).join('; ') || '–'],
    ], 'decision'),
    evidence(practice),
  ]);
}

startPage('the audit trail', async (_claims, content) => {
  const spiralId = queryParam('spiral');
  content.append(await verifySection());
  content.append(chooser({ label: 'Spiral to trace (its id)', name: 'spiral', value: spiralId, hint: 'The id answered when the need was recognised; the team page lists them.' }));
  if (!spiralId) return setStatus('empty', 'Enter a spiral id to trace its decisions.', 'The verification above covers the whole store.');
  const trace = await apiGet(`/audit/spirals/${encodeURIComponent(spiralId)}/trace`);
  // The decisions first: they are what an auditor traces; the events behind them follow.
  content.append(
    el('h2', { text: `Trace of ${spiralName(trace.spiral, trace.spiralId)}` }),
    el('h2', { text: `Adoption decisions (${trace.adoptions.length})` }),
    ...(trace.adoptions.length === 0 ? [el('p', { text: 'No option has been adopted in this spiral yet.' })] : trace.adoptions.map((decision) => adoption(decision, trace.spiral))),
    el('h2', { text: `Events (${trace.events.length}), each with its hash chained to the one before` }),
    timelineChart(trace),
    timeline(trace),
  );
  setStatus('done', '');
});
