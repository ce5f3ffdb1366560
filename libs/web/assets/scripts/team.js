// The team page: an organisation's teams, then one team's spirals, each with its SPC chart.
import { apiGet } from './api.js';
import { chooser, queryParam, startPage } from './page.js';
import { renderSpiral } from './spiral-section.js';
import { dataTable, el, percent, setStatus } from './ui.js';

const STEPS = ['recognition', 'knowing', 'decision', 'change', 'sustainability', 'closed'];

function teamSummary(team) {
  return el('div', { class: 'table-scroll side-by-side' }, [
    dataTable('Spirals by step', ['Step', 'Spirals'], STEPS.map((step) => [step, team.spiralsByStep[step]]), 'team-steps'),
    dataTable('Gains', ['Figure', 'Value'], [
      ['Gains achieved', team.gains.events.achieved],
      ['Gains sustained', team.gains.events.sustained],
      ['Gains lost', team.gains.events.lost],
      ['Share of achieved gains sustained', { text: percent(team.gains.sustained.share), value: team.gains.sustained.share }],
      ['Change cycles', team.changeCycles.count],
    ], 'team-gains'),
  ]);
}

async function showTeam(teamId, claims, content) {
  const team = await apiGet(`/teams/${encodeURIComponent(teamId)}/view`);
  const sections = team.spirals.map((spiral) =>
    el('section', { class: 'spiral', 'data-spiral-id': spiral.spiralId, 'aria-labelledby': `spiral-${spiral.spiralId}` }, [
      el('h3', { id: `spiral-${spiral.spiralId}`, text: spiral.title }),
      el('p', {}, [el('span', { class: 'badge', text: `step: ${spiral.step}` }), ` ${spiral.measurements} points, ${spiral.cycles} change cycles, gain status: ${spiral.gainStatus}`]),
      el('div', { class: 'spiral-body' }, el('p', { text: 'Loading the chart…' })),
    ]),
  );
  content.append(
    el('section', { 'aria-labelledby': 'team-heading', 'data-team-id': team.id }, [
      // The name as the team registered it (it may carry its organisation's code already), then where it sits.
      el('h2', { id: 'team-heading', text: team.name ?? 'Team' }),
      el('p', { class: 'team-place', text: `Organisation ${team.orgCode}, region ${team.shaCode}` }),
      teamSummary(team),
      el('h2', { text: `Spirals (${team.spirals.length})` }),
      team.spirals.length === 0 ? el('p', { text: 'This team has no spirals yet. A spiral starts when the team recognises a need (POST /api/v1/spirals).' }) : null,
      ...sections,
    ]),
  );
  setStatus('loading', `Loading ${team.spirals.length} SPC charts…`);
  // One at a time: a team has a handful of spirals, and the server answers each quickly.
  for (const section of sections) await renderSpiral(section, section.dataset.spiralId, claims, team);
  setStatus('done', '');
}

startPage('the team', async (claims, content) => {
  const teamId = queryParam('team');
  const orgCode = queryParam('org') ?? claims.org;
  if (!teamId && !orgCode) {
    setStatus('empty', 'Choose an organisation to see its teams.', 'Your token names no organisation: enter an organisation code.');
    content.append(chooser({ label: 'Organisation code', name: 'org', hint: 'For example S01-O01.' }));
    return;
  }
  if (orgCode) {
    const organisation = await apiGet(`/organisations/${encodeURIComponent(orgCode)}/view`);
    const links = organisation.teams.map((team) => el('li', {}, el('a', { href: `/team?team=${encodeURIComponent(team.teamId)}`, 'aria-current': team.teamId === teamId ? 'true' : undefined, text: team.name ?? team.teamId })));
    content.append(el('nav', { 'aria-label': `Teams of ${orgCode}` }, [el('h2', { text: `Teams of ${orgCode}` }), organisation.teams.length ? el('ul', {}, links) : el('p', { text: 'No team is registered in this organisation yet.' })]));
    const chosen = teamId ?? organisation.teams[0]?.teamId;
    if (!chosen) return setStatus('empty', `Organisation ${orgCode} has no teams yet.`, 'Register a team (POST /api/v1/teams) and reload.');
    return showTeam(chosen, claims, content);
  }
  return showTeam(teamId, claims, content);
});
