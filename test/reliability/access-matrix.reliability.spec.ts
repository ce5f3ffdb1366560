import type { Identity } from '../e2e/support/embedded-harness';
import { classOf, expectedDecision, type Scope } from './support/access-table';
import { needBody, stepBodies } from '../e2e/support/local-spirals';
import { ApiClient, type ApiAnswer } from './support/api-client';
import { EmbeddedProcess } from './support/embedded-process';
import { reportFigures } from './support/figures';
import { runCase, type HostileCase } from './support/hostile-clients';
import { OpenApiRoutes, type ApiRoute } from './support/openapi-routes';
import { analystUser, buildPlace, buildWorld, fillPath, localOf, nationalUser, regionalOf, type Place, type World } from './support/world';

const SCOPES: readonly Scope[] = ['own org', 'other org, own region', 'other region'];
const CALLERS: readonly Identity[] = [localOf('RX1', 'Q01'), regionalOf('Q01'), nationalUser, analystUser, { role: 'auditor', sub: 'auditor-1' }];

interface Tally {
  requests: number;
  allowedAsExpected: number;
  refusedAsExpected: number;
  acceptedUnauthorised: number;
  refusedWrongly: number;
  refusals: number;
  refusalsLogged: number;
  rowsLeaked: number;
}

const tally = (): Tally => ({ requests: 0, allowedAsExpected: 0, refusedAsExpected: 0, acceptedUnauthorised: 0, refusedWrongly: 0, refusals: 0, refusalsLogged: 0, rowsLeaked: 0 });

/**
 * Suite 9 (issue #6): SPEC "Access" for every role × own/other organisation × own/other region ×
 * every path the OpenAPI document lists (commands, views, audit, replays, evaluation). The expected
 * decision comes from support/access-table.ts, written from SPEC, not from the code.
 */
describe('9. access matrix: nothing unauthorised accepted, nothing leaked across scope, every refusal logged', () => {
  let app: EmbeddedProcess;
  let api: ApiClient;
  let routes: ApiRoute[];
  let places: Record<Scope, Place>;
  let world: World;
  const tallies = new Map<string, Tally>();
  const findings: string[] = [];
  const refusals: { tally: Tally; caller: Identity | undefined; method: string; path: string; what: string }[] = [];

  beforeAll(async () => {
    app = await EmbeddedProcess.start({ logLevel: 'warn' });
    api = new ApiClient(app, 8);
    routes = (await OpenApiRoutes.fetchFrom(app.base)).routes();
    places = { 'own org': await buildPlace(api, 'RX1', 'Q01'), 'other org, own region': await buildPlace(api, 'RY9', 'Q01'), 'other region': await buildPlace(api, 'RZ5', 'Q02') };
    world = await buildWorld(api);
    await viewsShow(api, Object.values(places));
  }, 180_000);
  afterAll(async () => {
    const rows = [...tallies.entries()].map(([who, t]) => [who, t.requests, t.allowedAsExpected, t.refusedAsExpected, t.acceptedUnauthorised, t.refusedWrongly, `${t.refusalsLogged}/${t.refusals}`, t.rowsLeaked]);
    reportFigures({
      suite: 9,
      title: 'Access matrix',
      proves:
        'Every role (and no token at all) × a target in its own organisation, another organisation of its region and another region × ' +
        'every GET and POST path in /api/docs-json (commands, views, audit, replays, evaluation: paths added later are included). ' +
        'The expected decision comes from a table written from SPEC "Access" (test/reliability/support/access-table.ts). ' +
        'No unauthorised request is accepted, no answer a local or regional user may read holds a team or spiral outside its scope, ' +
        'and every 401/403 has its log line in the process\'s pino output, naming the caller (sub, role) and the method and path.',
      command: 'npm run test:reliability -- access-matrix',
      headline: (() => {
        const all = [...tallies.values()];
        const sum = (pick: (t: Tally) => number) => all.reduce((total, t) => total + pick(t), 0);
        return `${sum((t) => t.acceptedUnauthorised)} unauthorised accepted, ${sum((t) => t.rowsLeaked)} rows leaked, ${sum((t) => t.refusalsLogged)}/${sum((t) => t.refusals)} refusals logged, of ${sum((t) => t.requests)} requests`;
      })(),
      columns: ['caller', 'requests', 'allowed as expected', 'refused as expected', 'unauthorised accepted', 'refused though SPEC allows', 'refusals logged', 'rows leaked'],
      rows,
    });
    await api?.close();
    await app?.stop();
  });

  it('decides every (role, scope, path) as SPEC "Access" does', async () => {
    // Reads first, then writes: an allowed write (a spiral closed) must not change what the reads see.
    const ordered = [...routes.filter((route) => route.method === 'GET'), ...routes.filter((route) => route.method === 'POST')];
    const examples = await OpenApiRoutes.fetchFrom(app.base);
    for (const route of ordered) {
      for (const caller of [...CALLERS, undefined]) {
        for (const scope of SCOPES) {
          const place = places[scope];
          const path = fillPath(route.template, place, world);
          const body = route.body ? aimedAt(examples.exampleOf(route.body), place) : undefined;
          const answer = await api.send(route.method, path, { ...(caller ? { identity: caller } : {}), ...(body === undefined ? {} : { body }) });
          const decision = caller ? expectedDecision(caller.role, scope, classOf(route.method, route.template)) : 'refuse';
          judge(caller, scope, route, path, answer, decision);
        }
      }
    }
    // pino writes asynchronously: the lines of the last refusals may arrive after their answers.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !refusals.every((r) => refusalLogged(r.caller, r.method, r.path))) await new Promise((resolve) => setTimeout(resolve, 200));
    for (const refusal of refusals) {
      if (refusalLogged(refusal.caller, refusal.method, refusal.path)) refusal.tally.refusalsLogged += 1;
      else findings.push(`refusal not logged with who and what: ${refusal.what}`);
    }
    expect(findings).toEqual([]);
  }, 600_000);

  function judge(caller: Identity | undefined, scope: Scope, route: ApiRoute, path: string, answer: ApiAnswer, decision: 'allow' | 'refuse' | 'either'): void {
    const who = caller ? caller.role : 'no token';
    const t = tallies.get(who) ?? tally();
    tallies.set(who, t);
    t.requests += 1;
    const what = `${who} → ${route.method} ${route.template} (${scope})`;
    const accepted = answer.status < 400;
    const accessRefusal = answer.status === 401 || answer.status === 403;
    if (decision === 'refuse' && accepted) {
      t.acceptedUnauthorised += 1;
      findings.push(`accepted though SPEC refuses: ${what}: ${answer.status}`);
    } else if (decision === 'refuse') t.refusedAsExpected += 1;
    if (decision === 'allow' && accessRefusal) {
      t.refusedWrongly += 1;
      findings.push(`refused though SPEC allows: ${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
    } else if (decision === 'allow') t.allowedAsExpected += 1;
    if (accessRefusal) {
      t.refusals += 1;
      refusals.push({ tally: t, caller, method: route.method, path, what });
    }
    if (accepted && caller && (caller.role === 'local' || caller.role === 'regional')) {
      const text = JSON.stringify(answer.body);
      const outside = Object.entries(places).filter(([other]) => (caller.role === 'local' ? other !== 'own org' : other === 'other region'));
      for (const [, other] of outside) {
        if (text.includes(other.spiralId) || text.includes(other.teamId)) {
          t.rowsLeaked += 1;
          findings.push(`leaked ${other.org}'s team or spiral: ${what}`);
        }
      }
    }
  }

  function refusalLogged(caller: Identity | undefined, method: string, path: string): boolean {
    return app.logLines.some((line) => {
      const actor = line['actor'] as { id?: string; role?: string } | null | undefined;
      const sameCaller = caller ? actor?.id === caller.sub && actor?.role === caller.role : actor === null;
      return line['refused'] !== undefined && sameCaller && line['method'] === method && line['path'] === `/api/v1${path}`;
    });
  }
});

/** The example body pointed at the place: its team, organisation and region, so access is what decides. */
function aimedAt(example: unknown, place: Place): object {
  if (typeof example !== 'object' || example === null) throw new Error(`a command body schema gave ${JSON.stringify(example)}, not an object`);
  const body = { ...(example as Record<string, unknown>) };
  if ('teamId' in body) body['teamId'] = place.teamId;
  if ('orgCode' in body) body['orgCode'] = place.org;
  if ('shaCode' in body) body['shaCode'] = place.sha;
  return body;
}

/** Waits until the views show every place's spiral, so a leak check reads views that hold them. */
async function viewsShow(api: ApiClient, places: readonly Place[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const place of places) {
    while (!JSON.stringify((await api.get(`/teams/${place.teamId}/view`, nationalUser)).body).includes(place.spiralId)) {
      if (Date.now() > deadline) throw new Error(`the view of team ${place.teamId} never showed spiral ${place.spiralId}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Suite 12 (issue #16): access beyond the role table. Hostile tokens, idempotency keys reused across
 * organisations and requests, organisations named in another region, and no credential in the log.
 */
describe('12. access beyond roles: tokens, idempotency scope, an organisation\'s one region, no credential logged', () => {
  let app: EmbeddedProcess;
  let api: ApiClient;
  let home: Place;
  let away: Place;
  let practiceId: string;
  const rows: (string | number)[][] = [];
  const findings: string[] = [];

  beforeAll(async () => {
    // info: the replay's own log lines (written while serving its request) are part of what is checked.
    app = await EmbeddedProcess.start({ logLevel: 'info' });
    api = new ApiClient(app, 8);
    home = await buildPlace(api, 'RX1', 'Q01');
    away = await buildPlace(api, 'RZ5', 'Q02');
    practiceId = (await buildWorld(api)).practiceId;
    await api.post(`/practices/${practiceId}/publication`, nationalUser, { evidenceLevel: 'observational', summary: 'Halved the time.' });
  }, 180_000);
  afterAll(async () => {
    reportFigures({
      suite: 12,
      title: 'Access beyond roles',
      proves:
        'Tokens without exp, issued in the future, living longer than SPIRAL_TOKEN_MAX_LIFETIME_SECONDS, with a sub holding control ' +
        'characters or 6,000 characters, or sent as `Bearer <token> junk`; an Idempotency-Key retried by another organisation\'s user ' +
        'with the same sub, or reused for another body or command; a team registered in an organisation another region holds, and ' +
        'spread strategies naming another region\'s or no one\'s organisations. Each gets the status shown and stores nothing ' +
        '(GET /audit/verify before and after); then no line of the process\'s pino log holds a JWT, and the refusals show the ' +
        'Authorization header as [redacted].',
      command: 'npm run test:reliability -- access-matrix',
      headline: `${findings.length} findings of ${rows.length} cases; 0 events stored`,
      columns: ['case', 'expected', 'answered', 'ms', 'answer bytes', 'events stored'],
      rows,
    });
    await api?.close();
    await app?.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const teamIn = (org: string, sha: string) => ({ name: `Unit of ${org}`, orgCode: org, shaCode: sha });
  const withHeader = (authorization: string, path: string, body: object) => () => api.send('POST', path, { body, headers: { authorization } });
  const run = async (cases: readonly HostileCase[]) => {
    for (const hostile of cases) {
      const outcome = await runCase(api, hostile);
      rows.push(outcome.row);
      findings.push(...outcome.findings);
    }
  };
  const says = (text: RegExp) => (answer: ApiAnswer) => (text.test(JSON.stringify(answer.body)) ? [] : [`the answer does not say ${String(text)}`]);

  it('answers 401 to tokens without exp, from the future, too long-lived, with an unprintable or huge sub, or in a malformed header', async () => {
    const claims = { sub: 'local-RX1', role: 'local', org: home.org, sha: home.sha };
    const bearer = (extra: Record<string, unknown>) => `Bearer ${app.signed({ ...claims, ...extra })}`;
    const valid = app.token(localOf(home.org, home.sha));
    const body = teamIn(home.org, home.sha);
    await run([
      { name: 'token without exp', expected: [401], send: withHeader(bearer({ iat: now() }), '/teams', body), check: says(/no exp/) },
      { name: 'token with iat an hour ahead', expected: [401], send: withHeader(bearer({ iat: now() + 3600, exp: now() + 7200 }), '/teams', body), check: says(/future/) },
      { name: 'token living 30 days', expected: [401], send: withHeader(bearer({ iat: now(), exp: now() + 30 * 86_400 }), '/teams', body), check: says(/longer than/) },
      { name: 'sub with an escape sequence', expected: [401], send: withHeader(bearer({ iat: now(), exp: now() + 600, sub: 'x\u001b[31mred' }), '/teams', body) },
      { name: 'sub of 6,000 characters', expected: [401], send: withHeader(bearer({ iat: now(), exp: now() + 600, sub: 'x'.repeat(6000) }), '/teams', body) },
      { name: '`Bearer <token> junk`', expected: [401], send: withHeader(`Bearer ${valid} junk`, '/teams', body) },
      { name: '`bearer <token>` (scheme in lower case)', expected: [401], send: withHeader(`bearer ${valid}`, '/teams', body) },
    ]);
    expect(findings).toEqual([]);
  });

  it('scopes an Idempotency-Key to the actor, organisation and request', async () => {
    const sharedSub = 'same-user-everywhere';
    const orgA = { ...localOf(home.org, home.sha), sub: sharedSub };
    const orgB = { ...localOf('RY9', 'Q01'), sub: sharedSub };
    const keyed = (identity: Identity, path: string, body: object, key: string) => () => api.send('POST', path, { identity, body, headers: { 'idempotency-key': key } });
    const first = await keyed(orgA, '/spirals', needBody(home.teamId), 'need-1')();
    const step = await keyed(orgA, `/spirals/${home.spiralId}/measurements`, stepBodies.measurements, 'step-1')();
    expect([first.status, step.status]).toEqual([201, 201]);
    await run([
      {
        name: 'another organisation retries the key with the same sub',
        expected: [403],
        send: keyed(orgB, '/spirals', needBody(home.teamId), 'need-1'),
        check: (answer) => (JSON.stringify(answer.body).includes((first.body as { id: string }).id) ? ['answered with the first organisation\'s spiral'] : []),
      },
      { name: 'the key reused with another body', expected: [422], send: keyed(orgA, '/spirals', { ...needBody(home.teamId), title: 'Another need' }, 'need-1'), check: says(/need-1/) },
      { name: 'the key reused for another command on the same spiral', expected: [422], send: keyed(orgA, `/spirals/${home.spiralId}/knowledge`, stepBodies.knowledge, 'step-1'), check: says(/step-1/) },
    ]);
    expect(findings).toEqual([]);
  });

  it('keeps an organisation in the region the first fact named: 422 naming both, nothing stored', async () => {
    const strategy = (organisations: string[]) => ({ practiceId, organisations, approach: 'Facilitated visits.' });
    await run([
      { name: 'a token of RX1 with sha Q02 registers a team in RX1/Q02', expected: [422], send: () => api.post('/teams', localOf(home.org, 'Q02'), teamIn(home.org, 'Q02')), check: says(/RX1 belongs to region Q01.*not Q02/) },
      { name: 'national registers a team in RZ5 (of Q02) under Q01', expected: [422], send: () => api.post('/teams', nationalUser, teamIn(away.org, 'Q01')), check: says(/Q02/) },
      { name: 'Q01 spreads into RZ5 (of Q02)', expected: [422], send: () => api.post(`/regions/${home.sha}/spread-strategies`, regionalOf(home.sha), strategy([home.org, away.org])), check: says(/RZ5 belongs to region Q02/) },
      { name: 'Q01 spreads into an organisation no fact names', expected: [422], send: () => api.post(`/regions/${home.sha}/spread-strategies`, regionalOf(home.sha), strategy(['NOWHERE9'])), check: says(/NOWHERE9/) },
    ]);
    expect(findings).toEqual([]);
  });

  it('never writes a credential to the log: refusals and replay requests alike', async () => {
    await api.post('/replays', analystUser, { view: 'national', asOf: new Date().toISOString() });
    await api.post('/teams', { role: 'auditor', sub: 'auditor-1' }, teamIn(home.org, home.sha));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const text = app.logLines.map((line) => JSON.stringify(line));
    // Every JWT begins with the base64url of '{"': a token anywhere in a line would show as eyJ.
    const withToken = text.filter((line) => line.includes('eyJ'));
    const redacted = text.filter((line) => line.includes('"authorization":"[redacted]"'));
    rows.push(['log lines holding a JWT', 0, withToken.length, '', '', 0], ['log lines with Authorization [redacted]', '≥ 1', redacted.length, '', '', 0]);
    if (withToken.length > 0) findings.push(`${withToken.length} log lines hold a token, e.g. ${withToken[0]?.slice(0, 200)}`);
    if (redacted.length === 0) findings.push('no log line shows the Authorization header redacted (was the request logged at all?)');
    expect(findings).toEqual([]);
  });
});
