// The audit page's verification: the last one recorded (when, up to which position, what it found)
// and a button that runs a new one as a job, following its progress. Nothing runs on page load:
// a full verify reads the whole store.
import { ApiError, apiGet, apiPost } from './api.js';
import { dataTable, el } from './ui.js';

const POLL_MS = 500;

function summary(recorded) {
  const { report } = recorded;
  const when = `Last verified ${recorded.finishedAt.replace('T', ' ').slice(0, 19)} UTC, up to global position ${recorded.upToPosition}: `;
  return report.ok
    ? `${when}intact, ${report.streams} streams and ${report.events} events recomputed, nothing altered or removed.`
    : `${when}${recorded.breakCount} breaks found in ${report.streams} streams (${report.events} events).`;
}

function result(recorded) {
  if (!recorded) return [el('p', { 'data-verify': 'never', text: 'No verification has run yet. Verify now to recompute every hash chain.' })];
  const { report } = recorded;
  return [
    el('p', { class: report.ok ? 'ok' : 'broken', 'data-verify': report.ok ? 'ok' : 'broken', 'data-up-to': recorded.upToPosition, text: summary(recorded) }),
    dataTable('Verification', ['Figure', 'Value'], [['Streams', report.streams], ['Events', report.events], ['Breaks', recorded.breakCount]], 'verify'),
    report.breaks.length === 0 ? null : dataTable(report.breaks.length < recorded.breakCount ? `Breaks (the first ${report.breaks.length})` : 'Breaks', ['Stream', 'Revision', 'Reason', 'Detail'], report.breaks.map((item) => [item.streamId, item.revision, item.reason, item.detail ?? '']), 'breaks'),
  ];
}

async function latest() {
  try {
    return await apiGet('/audit/verifications/latest');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The verification section: the last result now, a new run when the button is pressed. */
export async function verifySection() {
  const body = el('div', { 'aria-live': 'polite' }, result(await latest()));
  const progress = el('p', { class: 'hint', 'data-verify-progress': '' });
  const button = el('button', { type: 'button', 'data-verify-now': '', text: 'Verify now' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      let job = await apiPost('/audit/verifications');
      while (job.status === 'queued' || job.status === 'running') {
        progress.textContent = job.status === 'queued' ? 'Waiting for other long jobs to finish…' : `Verifying: ${job.done} of ${job.total || '…'} events read.`;
        await pause(POLL_MS);
        job = await apiGet(`/audit/verifications/${job.id}`);
      }
      progress.textContent = job.status === 'failed' ? `The verification failed: ${job.error}` : '';
      body.replaceChildren(...result(await latest()));
    } catch (error) {
      progress.textContent = `${error.message} ${error.advice ?? ''}`;
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { 'aria-labelledby': 'verify-heading' }, [
    el('h2', { id: 'verify-heading', text: 'Verification of the hash chains' }),
    body,
    el('p', {}, [button, ' ', el('span', { class: 'hint', text: 'Recomputes every stream\u2019s hash chain from the events as stored; runs beside the server, whatever it is doing.' })]),
    progress,
  ]);
}
