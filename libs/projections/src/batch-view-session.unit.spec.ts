import { SqliteViewStore } from '@spiral/adapters-embedded';
import { BatchViewSession } from './batch-view-session';
import { ViewDocumentCache } from './view-document-cache';

describe('BatchViewSession', () => {
  it('says of each put whether the document is stored, where a read said so', async () => {
    const views = await SqliteViewStore.openFile(':memory:');
    await views.commit('p_v1', [{ kind: 'put', collection: 'docs_v1', id: 'there', document: { n: 0 } }], 1);
    const cache = new ViewDocumentCache();
    const session = new BatchViewSession(views, { version: 1 }, cache);
    await session.get('docs', 'there');
    await session.get('docs', 'absent');
    for (const id of ['there', 'absent', 'never-read']) session.put('docs', id, { n: 1 });
    session.delete('docs', 'gone');
    expect(session.changes()).toEqual([
      { kind: 'put', collection: 'docs_v1', id: 'there', document: { n: 1 }, stored: true },
      { kind: 'put', collection: 'docs_v1', id: 'absent', document: { n: 1 }, stored: false },
      { kind: 'put', collection: 'docs_v1', id: 'never-read', document: { n: 1 } },
      { kind: 'delete', collection: 'docs_v1', id: 'gone' },
    ]);
  });
});
