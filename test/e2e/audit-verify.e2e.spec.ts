import { chainEvents, type EventEnvelope, type FieldTestConcludedDataV1 } from '@spiral/event-catalogue';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedHarness, type Identity } from './support/embedded-harness';
import { created, localRx1, national, recogniseNeed, stepBodies } from './support/local-spirals';

const auditor: Identity = { role: 'auditor' };

interface Break {
  streamId: string;
  revision: number;
  reason: string;
}

/** A spiral taken to its adoption: four events in its stream. */
async function adoptedSpiral(harness: EmbeddedHarness): Promise<string> {
  const { spiralId } = await recogniseNeed(harness);
  await created(harness, `/spirals/${spiralId}/knowledge`, localRx1, stepBodies.knowledge);
  await created(harness, `/spirals/${spiralId}/options`, localRx1, stepBodies.options());
  await created(harness, `/spirals/${spiralId}/adoption`, localRx1, stepBodies.adoption);
  return spiralId;
}

describe('audit verify through /api/v1/audit/verify', () => {
  let harness: EmbeddedHarness;
  let db: Database.Database;
  const verify = async () => (await harness.http.get('/api/v1/audit/verify').set(harness.bearer(auditor)).expect(200)).body as { ok: boolean; streams: number; events: number; breaks: Break[] };
  const breaks = async () => (await verify()).breaks.map(({ streamId, revision, reason }) => ({ streamId, revision, reason }));

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spiral-e2e-audit-'));
    harness = await EmbeddedHarness.start({ dataDir });
    // A second connection, as someone with the file in hand would open it; WAL lets it write beside the app.
    db = new Database(join(dataDir, 'events.sqlite'));
  });
  afterAll(async () => {
    db.close();
    await harness.stop();
  });

  it('finds every chain intact after ordinary use, and counts streams and events', async () => {
    await adoptedSpiral(harness);
    const stored = db.prepare('SELECT COUNT(*) AS events, COUNT(DISTINCT stream_id) AS streams FROM events').get() as { events: number; streams: number };
    expect(await verify()).toEqual({ ok: true, streams: stored.streams, events: stored.events, breaks: [] });
  });

  it('reports a payload changed in the store, at its stream and revision', async () => {
    const spiralId = await adoptedSpiral(harness);
    db.prepare("UPDATE events SET data = json_set(data, '$.rationale', 'Chosen for other reasons.') WHERE stream_id = ? AND stream_revision = 3").run(`spiral-${spiralId}`);
    expect(await breaks()).toEqual([{ streamId: `spiral-${spiralId}`, revision: 3, reason: 'altered' }]);
    db.prepare("UPDATE events SET data = json_set(data, '$.rationale', ?) WHERE stream_id = ? AND stream_revision = 3").run(stepBodies.adoption.rationale, `spiral-${spiralId}`);
    expect((await verify()).ok).toBe(true);
  });

  it('reports an event deleted from the store, at its stream and revision', async () => {
    const spiralId = await adoptedSpiral(harness);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND stream_revision = 1').run(`spiral-${spiralId}`);
    expect(await breaks()).toEqual([{ streamId: `spiral-${spiralId}`, revision: 1, reason: 'removed' }]);
  });

  it('reports two events of a stream swapped in the global order as reordered', async () => {
    const spiralId = await adoptedSpiral(harness);
    const streamId = `spiral-${spiralId}`;
    const position = (revision: number) => (db.prepare('SELECT global_position AS p FROM events WHERE stream_id = ? AND stream_revision = ?').get(streamId, revision) as { p: number }).p;
    const [first, second] = [position(2), position(3)];
    db.transaction(() => {
      const move = db.prepare('UPDATE events SET global_position = ? WHERE global_position = ?');
      move.run(-1, first);
      move.run(first, second);
      move.run(second, -1);
    })();
    expect((await breaks()).filter((found) => found.streamId === streamId)).toEqual([{ streamId, revision: 2, reason: 'reordered' }]);
  });
});

describe('an event stored at an older schema version', () => {
  let harness: EmbeddedHarness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiral-e2e-upcast-'));
    harness = await EmbeddedHarness.start({ dataDir });
  });
  afterAll(() => harness.stop());

  /** Writes a v1 FieldTestConcluded straight into SQLite, chained as the store of that time would have. */
  function storeV1Conclusion(head: EventEnvelope, data: FieldTestConcludedDataV1): void {
    const [event] = chainEvents(head.streamId, [{ ...head, eventId: 'f1a2b3c4-0000-4000-8000-000000000001', type: 'FieldTestConcluded', schemaVersion: 1, data, occurredAt: '2004-09-01T09:00:00.000Z' }], head, '2004-09-02T09:00:00.000Z');
    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare(
      `INSERT INTO events (event_id, stream_id, stream_revision, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, previous_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(event!.eventId, event!.streamId, event!.streamRevision, event!.type, 1, JSON.stringify(data), event!.occurredAt, event!.recordedAt, JSON.stringify(event!.actor), event!.correlationId, event!.causationId, event!.previousHash, event!.hash);
    db.close();
  }

  it('reads as the current version in the stream, in $all, on the write path, in the views and the audit, and still verifies', async () => {
    const practiceId = await created(harness, '/practices', national, { title: 'Nurse-led thrombolysis', summary: 'Nurses thrombolyse.', origin: 'nhsTeam', originDetail: 'A stroke unit', targetMeasures: ['Door-to-needle time'] });
    const fieldTestId = await created(harness, `/practices/${practiceId}/field-tests`, national, { sites: ['RX1'], protocol: 'Six months against six.' });
    await created(harness, `/field-tests/${fieldTestId}/results`, national, { site: 'RX1', measure: 'Door-to-needle time', baselineValue: 72, resultValue: 41 });
    const streamId = `fieldtest-${fieldTestId}`;
    const head = (await harness.eventStore.readStream(streamId)).at(-1)!;
    const v1: FieldTestConcludedDataV1 = { fieldTestId, practiceId, verdict: 'effective', effectSize: -0.8, summary: 'Written by the v1 schema.' };
    storeV1Conclusion(head, v1);
    await harness.restart();
    await harness.viewsCaughtUp();

    const asV2 = { ...v1, effectScale: 'protocol' };
    expect((await harness.eventStore.readStream(streamId)).at(-1)).toMatchObject({ schemaVersion: 2, data: asV2 });
    const all: EventEnvelope[] = [];
    for await (const event of harness.eventStore.readAll()) if (event.streamId === streamId) all.push(event);
    expect(all.at(-1)).toMatchObject({ schemaVersion: 2, data: asV2 });

    const get = (path: string) => harness.http.get(`/api/v1${path}`).set(harness.bearer(auditor)).expect(200);
    expect((await get(`/field-tests/${fieldTestId}`)).body).toMatchObject({ status: 'concluded', verdict: 'effective', effectSize: -0.8 });
    const view = (await get('/national/view')).body as { practices: { practiceId: string; fieldTests: { verdict: string | null }[] }[] };
    expect(view.practices.find((practice) => practice.practiceId === practiceId)?.fieldTests).toEqual([expect.objectContaining({ fieldTestId, verdict: 'effective', effectSize: -0.8 })]);
    const audit = (await get(`/audit/practices/${practiceId}/adoptions`)).body as { fieldTests: unknown[] };
    expect(audit.fieldTests).toEqual([expect.objectContaining({ fieldTestId, conclusion: expect.objectContaining({ verdict: 'effective', effectScale: 'protocol' }) as unknown })]);
    expect((await get('/audit/verify')).body).toMatchObject({ ok: true, breaks: [] });
  });
});
