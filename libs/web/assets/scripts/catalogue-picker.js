// The catalogue on the team page: when a team pulls knowledge, it searches the published catalogue
// (GET /practices: words, specialty, status) and records the practices it read with its question.
import { apiGet, apiPost } from './api.js';
import { day, el, setStatus } from './ui.js';

function verdicts(practice) {
  if (practice.fieldTests.length === 0) return 'not field-tested';
  return practice.fieldTests.map((test) => (test.verdict ? `${test.verdict}${test.effectSize === null ? '' : ` (effect ${test.effectSize}${test.effectScale ? `, ${test.effectScale}` : ''})`} on ${day(test.concludedAt)}` : `running since ${day(test.startedAt)}`)).join('; ');
}

function practiceOption(spiralId, practice, chosen) {
  // Several spirals may offer the catalogue on one page: the id names both, so each label finds its own box.
  const id = `practice-${spiralId}-${practice.practiceId}`;
  const box = el('input', { type: 'checkbox', id, value: practice.practiceId, checked: chosen.has(practice.practiceId) });
  box.addEventListener('change', () => (box.checked ? chosen.add(practice.practiceId) : chosen.delete(practice.practiceId)));
  return el('li', { 'data-practice': practice.practiceId }, [
    box,
    el('label', { for: id, class: 'inline', text: `${practice.title} — ${practice.status}${practice.version ? ` v${practice.version}` : ''}, evidence ${practice.evidenceLevel ?? 'none yet'}` }),
    el('p', { class: 'hint', text: `${practice.summary ?? ''} Evidence: ${practice.evidence ?? '–'} Field tests: ${verdicts(practice)}. For: ${practice.specialties.join(', ') || 'no specialty named'}.` }),
  ]);
}

/** The search form and its results; `chosen` keeps the practices ticked across searches. */
function catalogueSearch(spiralId, chosen, specialty) {
  const results = el('ul', { class: 'catalogue-results', 'aria-live': 'polite', 'data-catalogue': spiralId });
  const words = el('input', { id: `catalogue-q-${spiralId}`, type: 'search', placeholder: 'e.g. thrombolysis' });
  const field = el('input', { id: `catalogue-specialty-${spiralId}`, value: specialty ?? '' });
  const status = el('select', { id: `catalogue-status-${spiralId}` }, ['published', 'retired', 'proposed', ''].map((value) => el('option', { value, text: value || 'any status' })));
  const search = async () => {
    const query = new URLSearchParams({ ...(words.value.trim() ? { q: words.value.trim() } : {}), ...(field.value.trim() ? { specialty: field.value.trim() } : {}), ...(status.value ? { status: status.value } : {}) });
    const page = await apiGet(`/practices?${query}`);
    results.replaceChildren(...(page.practices.length ? page.practices.map((practice) => practiceOption(spiralId, practice, chosen)) : [el('li', { text: 'No practice of the catalogue matches: try fewer words, or another specialty.' })]));
    results.dataset.total = String(page.total);
  };
  const form = el('div', { class: 'catalogue-search', role: 'search' }, [
    el('label', { for: words.id, text: 'Search the catalogue' }), words,
    el('label', { for: field.id, text: 'Specialty' }), field,
    el('label', { for: status.id, text: 'Status' }), status,
    el('button', { type: 'button', text: 'Search', onclick: () => search().catch((error) => setStatus('error', error.message, error.advice)) }),
  ]);
  return { form, results, search };
}

/** The form to record knowledge pulled, offered while the spiral is at recognition, knowing or decision. */
export function knowledgeForm(spiral, specialty, reload) {
  const chosen = new Set();
  const { form, results, search } = catalogueSearch(spiral.id, chosen, specialty);
  const question = el('textarea', { id: `question-${spiral.id}`, rows: 2, required: true });
  const sources = el('input', { id: `sources-${spiral.id}`, placeholder: 'a paper, a guideline, a visit; separated by semicolons' });
  const message = el('p', { role: 'status', 'aria-live': 'polite' });
  const submit = el('form', { class: 'knowledge-form', 'data-knowledge': spiral.id }, [
    el('h4', { text: 'Pull knowledge: choose practices from the catalogue' }),
    form, results,
    el('label', { for: question.id, text: 'The question the team asked' }), question,
    el('label', { for: sources.id, text: 'Other sources (optional)' }), sources,
    el('button', { type: 'submit', text: 'Record the knowledge pulled' }), message,
  ]);
  submit.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = 'Recording…';
    try {
      const body = { practiceIds: [...chosen], peerSpiralIds: [], sources: sources.value.split(';').map((source) => source.trim()).filter(Boolean), question: question.value.trim() };
      await apiPost(`/spirals/${encodeURIComponent(spiral.id)}/knowledge`, body, { 'If-Match': String(spiral.revision) });
      message.textContent = `Recorded: ${chosen.size} catalogue practices.`;
      await reload();
    } catch (error) {
      message.textContent = `${error.message} ${error.advice || ''}`;
    }
  });
  search().catch((error) => setStatus('error', error.message, error.advice));
  return submit;
}
