import { actorFromClaims } from './identity-claims';

const sub = 'user-1';

describe('actorFromClaims: a token names exactly the organisation and region its role acts for', () => {
  it('reads a local user with both codes, a regional user with its region, the others with neither', () => {
    expect(actorFromClaims({ sub, role: 'local', org: 'RX1', sha: 'Q01' })).toEqual({ id: sub, role: 'local', org: 'RX1', region: 'Q01' });
    expect(actorFromClaims({ sub, role: 'regional', org: null, sha: 'Q01' })).toEqual({ id: sub, role: 'regional', org: null, region: 'Q01' });
    for (const role of ['national', 'analyst', 'auditor']) expect(actorFromClaims({ sub, role, org: null, sha: '' })).toEqual({ id: sub, role, org: null, region: null });
  });

  it('refuses a code the role does not act for: it would be stored as the actor\'s and read so in the audit trail', () => {
    expect(actorFromClaims({ sub, role: 'regional', org: 'RX1', sha: 'Q01' })).toBeUndefined();
    for (const role of ['national', 'analyst', 'auditor']) {
      expect(actorFromClaims({ sub, role, org: 'RX1', sha: null })).toBeUndefined();
      expect(actorFromClaims({ sub, role, org: null, sha: 'Q01' })).toBeUndefined();
    }
  });

  it('refuses a local user without both codes and a regional user without its region', () => {
    expect(actorFromClaims({ sub, role: 'local', org: 'RX1', sha: null })).toBeUndefined();
    expect(actorFromClaims({ sub, role: 'regional', org: null, sha: null })).toBeUndefined();
  });
});
