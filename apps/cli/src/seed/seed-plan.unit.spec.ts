import { MEASURES } from './reference/measure-library';
import { STRATEGIC_HEALTH_AUTHORITIES } from './reference/strategic-health-authorities';
import { Random } from './prng';
import { buildSeedPlan, planFigures, type SeedPlan } from './seed-plan';
import { DEFAULT_RANDOM_SEED, SEED_PROFILES } from './seed-size';
import { buildStructure, teamsOf } from './seed-structure';
import { SeedContext } from './story';

const small = buildSeedPlan({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED });
const commandsOf = <T extends string>(plan: SeedPlan, type: T) => plan.commands.filter(({ envelope }) => envelope.command.type === type);

describe('the seed plan', () => {
  it('is the same history for the same flags, and another for another seed', () => {
    const again = buildSeedPlan({ size: 'small', randomSeed: DEFAULT_RANDOM_SEED });
    const other = buildSeedPlan({ size: 'small', randomSeed: 7 });
    expect(JSON.stringify(again.commands)).toBe(JSON.stringify(small.commands));
    expect(JSON.stringify(other.commands)).not.toBe(JSON.stringify(small.commands));
  });

  it('names the SHAs by the CSV and gives synthetic codes: S01.., S01-O01..', () => {
    expect(small.shas.map(({ code, name }) => [code, name])).toEqual([
      ['S01', STRATEGIC_HEALTH_AUTHORITIES[0]],
      ['S02', STRATEGIC_HEALTH_AUTHORITIES[1]],
      ['S03', STRATEGIC_HEALTH_AUTHORITIES[2]],
    ]);
    for (const sha of small.shas) {
      sha.organisations.forEach((organisation, index) => {
        expect(organisation.code).toBe(`${sha.code}-O${String(index + 1).padStart(2, '0')}`);
        organisation.teams.forEach((team) => expect(team.key).toMatch(new RegExp(`^${organisation.code}-T\\d{2}$`)));
      });
    }
  });

  it('sizes the default service as SPEC says: 28 SHAs, 5–15 organisations each, 3–10 teams each', () => {
    const shas = buildStructure(new SeedContext('default', DEFAULT_RANDOM_SEED), SEED_PROFILES.default, Random.seeded(DEFAULT_RANDOM_SEED).fork('structure'));
    expect(shas.map(({ code }) => code)).toEqual(STRATEGIC_HEALTH_AUTHORITIES.map((_, i) => `S${String(i + 1).padStart(2, '0')}`));
    for (const { organisations } of shas) {
      expect(organisations.length).toBeGreaterThanOrEqual(5);
      expect(organisations.length).toBeLessThanOrEqual(15);
      organisations.forEach(({ teams }) => expect(teams.length).toBeGreaterThanOrEqual(3));
      organisations.forEach(({ teams }) => expect(teams.length).toBeLessThanOrEqual(10));
    }
  });

  it('sizes xlarge as the service of 2002 stood: 28 SHAs, 15–25 trusts and PCTs each, 12–22 teams each', () => {
    const shas = buildStructure(new SeedContext('xlarge', DEFAULT_RANDOM_SEED), SEED_PROFILES.xlarge, Random.seeded(DEFAULT_RANDOM_SEED).fork('structure'));
    expect(shas).toHaveLength(28);
    for (const { organisations } of shas) {
      expect(organisations.length).toBeGreaterThanOrEqual(15);
      expect(organisations.length).toBeLessThanOrEqual(25);
      organisations.forEach(({ teams }) => expect(teams.length).toBeGreaterThanOrEqual(12));
      organisations.forEach(({ teams }) => expect(teams.length).toBeLessThanOrEqual(22));
    }
    // About three times large's 3,387 teams, which with its spirals gives about 1,000,000 events.
    expect(teamsOf(shas).length).toBeGreaterThan(9_000);
  });

  it('learns from other teams\' spirals on the same measure adopted before, from its own region when there are any', () => {
    const byId = new Map(small.spirals.map((spiral) => [spiral.spiralId, spiral]));
    let cited = 0;
    for (const { aggregateId, at, envelope } of small.commands) {
      if (envelope.command.type !== 'PullKnowledge') continue;
      const spiral = byId.get(aggregateId);
      const peers = envelope.command.peerSpiralIds.map((peerId) => byId.get(peerId));
      const regional = small.spirals.some(
        (other) => other.template.key === spiral?.template.key && other.team.shaCode === spiral.team.shaCode && other.team.teamId !== spiral.team.teamId && (other.adoptedAt ?? at) < at,
      );
      for (const peer of peers) {
        expect(peer?.template.key).toBe(spiral?.template.key);
        expect(peer?.adoptedAt).toBeLessThan(at);
        expect(peer?.team.teamId).not.toBe(spiral?.team.teamId);
        if (regional) expect(peer?.team.shaCode).toBe(spiral?.team.shaCode);
      }
      cited += peers.length;
    }
    expect(cited).toBeGreaterThan(20);
  });

  it('writes every stream in time order, within the SHAs\' lifetime, each command with its own key', () => {
    const lastInStream = new Map<string, number>();
    for (const { streamId, at, envelope } of small.commands) {
      expect(at).toBeGreaterThanOrEqual(lastInStream.get(streamId) ?? 0);
      lastInStream.set(streamId, at);
      expect(envelope.occurredAt >= '2002-04-01' && envelope.occurredAt < '2006-07-01').toBe(true);
    }
    const keys = small.commands.map(({ envelope }) => `${envelope.actor.id}|${envelope.idempotencyKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reaches every step but sustainability, claims no gain and never closes a spiral as sustained', () => {
    const { spiralsByStep, spirals } = planFigures(small);
    expect(spirals).toBeGreaterThan(50);
    for (const step of ['recognition', 'change', 'closed'] as const) expect(spiralsByStep[step]).toBeGreaterThan(0);
    expect(spiralsByStep.sustainability).toBe(0);
    expect(small.commands.filter(({ envelope }) => envelope.command.type.startsWith('RecordGain'))).toEqual([]);
    expect(commandsOf(small, 'CloseSpiral').map(({ envelope }) => envelope.command)).not.toContainEqual(expect.objectContaining({ outcome: 'sustained' }));
  });

  it('records monthly points once each, without gaps, after their month, within the measure\'s bounds', () => {
    for (const spiral of small.spirals) {
      const seen = new Set<string>();
      const [min, max] = MEASURES[spiral.template.key].bounds;
      for (const { envelope } of small.commands.filter(({ aggregateId }) => aggregateId === spiral.spiralId)) {
        if (envelope.command.type !== 'RecordMeasurements') continue;
        for (const { period, value } of envelope.command.points) {
          expect(period).toMatch(/^\d{4}-\d{2}-01$/);
          expect(seen.has(period)).toBe(false);
          seen.add(period);
          const monthEnd = new Date(`${period}T00:00:00Z`);
          monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1);
          expect(Date.parse(envelope.occurredAt)).toBeGreaterThanOrEqual(monthEnd.getTime());
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(max);
        }
      }
      // One point a month, no month missing between the first and the last.
      const months = [...seen].sort().map((period) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)));
      months.forEach((month, index) => index > 0 && expect(month - (months[index - 1] ?? 0)).toBe(1));
    }
  });

  it('adopts catalogue practices only while the catalogue offers them, most spirals with a practice', () => {
    const adoptions = small.spirals.filter(({ adoptedAt }) => adoptedAt !== undefined);
    const withPractice = adoptions.filter(({ practice }) => practice !== undefined);
    expect(withPractice.length / adoptions.length).toBeGreaterThan(0.4);
    for (const spiral of withPractice) {
      const adopted = commandsOf(small, 'AdoptOption').find(({ aggregateId }) => aggregateId === spiral.spiralId);
      const at = adopted?.at ?? 0;
      expect(at).toBeGreaterThan(spiral.practice?.publishedAt ?? Infinity);
      expect(at).toBeLessThan(spiral.practice?.retiredAt ?? Infinity);
    }
  });

  it('has the baseline points a chart needs before most adoptions (12 to 24 as a rule)', () => {
    const adopted = small.spirals.filter(({ adoptedAt, parent }) => adoptedAt !== undefined && parent === undefined);
    const counts = adopted.map((spiral) => {
      const adoptedAt = new Date(spiral.adoptedAt ?? 0).toISOString();
      return small.commands
        .filter(({ aggregateId, envelope }) => aggregateId === spiral.spiralId && envelope.command.type === 'RecordMeasurements')
        .flatMap(({ envelope }) => (envelope.command.type === 'RecordMeasurements' ? envelope.command.points : []))
        .filter(({ period }) => period <= adoptedAt).length;
    });
    const usual = counts.filter((count) => count >= 12 && count <= 24);
    expect(usual.length / counts.length).toBeGreaterThan(0.75);
  });
});
