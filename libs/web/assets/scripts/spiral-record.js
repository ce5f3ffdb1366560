// A spiral's whole record on the team page: what the team said at each step, from GET /spirals/:id
// (the first page of each long list) and GET /spirals/:id/record/:list for the pages after it.
import { apiGet } from './api.js';
import { dataTable, day, el, showError } from './ui.js';

const list = (items) => (items && items.length ? items.join('; ') : '–');

const LISTS = {
  knowledge: { caption: 'Knowledge pulled', headers: ['When', 'Question', 'Catalogue practices', 'Peer spirals', 'Sources'],
    row: (entry, names) => [day(entry.occurredAt), entry.question, list(entry.practiceIds.map((id) => names[id] ?? id)), String(entry.peerSpiralIds.length), list(entry.sources)] },
  support: { caption: 'Change support secured', headers: ['When', 'Sponsor', 'Improvement team', 'Resources'],
    row: (entry) => [day(entry.occurredAt), entry.sponsor, list(entry.improvementTeam.map((member) => `${member.role} (${member.skills.join(', ')})`)), list(entry.resources)] },
  cycles: { caption: 'Change cycles (plan, do, study, act)', headers: ['Cycle', 'When', 'Plan', 'Prediction', 'Observed', 'Learning', 'Decision'],
    row: (entry) => [{ text: String(entry.cycleNumber), value: entry.cycleNumber }, day(entry.occurredAt), entry.plan, entry.prediction, entry.observed, entry.learning, entry.decision] },
  assessments: { caption: 'Sustainability assessments (NHS Sustainability Model factors, a to d)', headers: ['When', 'Assessed by', 'Factors rated'],
    row: (entry) => [day(entry.occurredAt), entry.assessedBy, list(Object.entries(entry.factors).map(([factor, level]) => `${factor}: ${level}`))] },
};

/** One long list: its first page, and a button that fetches the next one until the last. */
function pagedList(spiral, name, page, names) {
  const { caption, headers, row } = LISTS[name];
  const table = dataTable(`${caption} (${page.total})`, headers, page.items.map((entry) => row(entry, names)), `record-${name}`);
  const holder = el('div', { class: 'table-scroll', 'data-record': name }, table);
  let cursor = page.nextCursor;
  if (cursor) {
    const more = el('button', { type: 'button', text: `Show more of the ${page.total} entries` });
    more.addEventListener('click', async () => {
      try {
        const next = await apiGet(`/spirals/${encodeURIComponent(spiral.id)}/record/${name}?cursor=${encodeURIComponent(cursor)}`);
        table.querySelector('tbody').append(...dataTable('', headers, next.items.map((entry) => row(entry, names)), '').querySelectorAll('tbody tr'));
        cursor = next.nextCursor;
        if (!cursor) more.remove();
      } catch (error) {
        showError(error);
      }
    });
    holder.append(more);
  }
  return holder;
}

function decisionTable(spiral, names) {
  const adoption = spiral.record.adoption;
  const rows = [
    ['Need', spiral.gap], ['Triggered by', spiral.trigger.kind], ['Options appraised', list(spiral.options.map((option) => `${option.summary}${option.practiceId ? ` (catalogue: ${names[option.practiceId] ?? option.practiceId})` : ''}`))],
  ];
  if (adoption) {
    const chosen = spiral.options.find((option) => option.optionId === adoption.optionId);
    rows.push(
      ['Adopted', `${day(adoption.occurredAt)}: ${chosen ? chosen.summary : adoption.optionId}`], ['Rationale', adoption.rationale], ['Decided by', list(adoption.decidedBy)],
      ['Stakeholders engaged', list(adoption.stakeholders)], ['Patient perspective', adoption.patientPerspective], ['Local adaptations', adoption.adaptations ?? '–'],
    );
  }
  const closing = spiral.record.closing;
  if (closing) rows.push(['Closed', `${closing.outcome} on ${day(closing.occurredAt)}`], ['What was learned', closing.learning]);
  return dataTable('Need, decision and closing', ['Step', 'What the team recorded'], rows, 'record-decision');
}

/** The catalogue's titles of the practices the record names, so the page names practices, not ids. */
async function practiceNames(spiral) {
  const ids = new Set([...spiral.options.flatMap((option) => option.practiceId ?? []), ...spiral.record.knowledge.items.flatMap((entry) => entry.practiceIds)]);
  const names = {};
  for (const id of ids) names[id] = await apiGet(`/practices/${encodeURIComponent(id)}`).then((practice) => practice.title, () => id);
  return names;
}

export async function spiralRecord(spiral) {
  const names = await practiceNames(spiral);
  return el('details', { class: 'spiral-record', 'data-spiral-record': spiral.id }, [
    el('summary', { text: `The whole record: knowledge pulled ${spiral.record.knowledge.total}×, ${spiral.options.length} options appraised, ${spiral.record.adoption ? 'one adopted' : 'none adopted yet'}, support secured ${spiral.record.support.total}×, ${spiral.record.cycles.total} change cycles, ${spiral.record.assessments.total} sustainability assessments${spiral.record.closing ? ', closed' : ''}` }),
    decisionTable(spiral, names),
    ...Object.keys(LISTS).map((name) => pagedList(spiral, name, spiral.record[name], names)),
  ]);
}
