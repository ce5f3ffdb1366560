import { SqliteViewStore } from '@spiral/adapters-embedded';
import { storedCollection, type Projection } from '@spiral/projections';
import { csvCell, exportViews, formatOfFile, inertCell } from './view-export';

const teams: Projection = {
  name: 'team-view',
  version: 2,
  collections: ['teams', 'owners'],
  eventTypes: new Set(),
  apply: () => Promise.resolve(),
};

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function storeWithTeams() {
  const views = await SqliteViewStore.openFile(':memory:');
  await views.commit('team-view_v2', [
    { kind: 'put', collection: storedCollection(teams, 'teams'), id: 't1', document: { id: 't1', name: 'Stroke unit, "North"', beds: 12, live: true, members: ['a', 'b'] } },
    { kind: 'put', collection: storedCollection(teams, 'teams'), id: 't2', document: { id: 't2', name: 'Line\nbreak', beds: null } },
    { kind: 'put', collection: storedCollection(teams, 'owners'), id: 's1', document: { id: 's1', teamId: 't1' } },
  ], 3);
  return views;
}

describe('view export', () => {
  it('writes CSV with one header of every field, nested values as JSON and awkward text quoted (RFC 4180)', async () => {
    const csv = await text(exportViews(await storeWithTeams(), [teams], 'csv', {}));
    expect(csv).toBe(
      [
        'view,version,collection,id,name,beds,live,members,teamId',
        'team-view,2,teams,t1,"Stroke unit, ""North""",12,true,"[""a"",""b""]",',
        'team-view,2,teams,t2,"Line\nbreak",,,,',
        'team-view,2,owners,s1,,,,,t1',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with the header, then each view by its logical collection names', async () => {
    const json = JSON.parse(await text(exportViews(await storeWithTeams(), [teams], 'json', { asOf: '2004-09-30T23:59:59.999Z' }))) as unknown;
    expect(json).toEqual({
      asOf: '2004-09-30T23:59:59.999Z',
      views: [
        {
          view: 'team-view',
          version: 2,
          collections: {
            teams: [
              { id: 't1', name: 'Stroke unit, "North"', beds: 12, live: true, members: ['a', 'b'] },
              { id: 't2', name: 'Line\nbreak', beds: null },
            ],
            owners: [{ id: 's1', teamId: 't1' }],
          },
        },
      ],
    });
  });

  it('neutralises every text cell a spreadsheet would run as a formula (OWASP CSV injection), and no other', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(inertCell(formula)).toBe(`'${formula}`);
    for (const text of ['Stroke unit', "'quoted", ' =spaced', '1=1', '']) expect(inertCell(text)).toBe(text);
    expect(csvCell({ name: '=cmd|\' /C calc\'!A0', value: -3 }, 'name')).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell({ name: '=1', value: -3 }, 'value')).toBe('-3');
  });

  it('picks the format from the file name', () => {
    expect(formatOfFile('/tmp/views.CSV')).toBe('csv');
    expect(formatOfFile('/tmp/views.json')).toBe('json');
  });
});
