import type { Role } from '@spiral/event-catalogue';

/**
 * The expected decision for every (role, scope, path), written from SPEC "Access" and nothing else:
 * "A team writes only its own spirals; a region writes its own regional facts and reads its own
 * area; national writes national facts and reads everything; analysts replay and read; auditors read
 * and trace everything and write nothing. Anything else is refused."
 * Where SPEC does not decide a cell, it says `either` and the suite checks only that a refusal is logged.
 */
export type Decision = 'allow' | 'refuse' | 'either';

/** Where the request points, seen from the caller: its own organisation, another in its region, another region. */
export type Scope = 'own org' | 'other org, own region' | 'other region';

/** What a path is about, from its method and template (so paths added later fall in a class). */
export type PathClass = 'team write' | 'team registration' | 'team support received' | 'network membership' | 'regional write' | 'national write' | 'local read' | 'regional read' | 'catalogue read' | 'national read' | 'replay' | 'audit';

export function classOf(method: 'GET' | 'POST', template: string): PathClass {
  const write = method === 'POST';
  if (template.startsWith('/audit')) return 'audit';
  if (template.startsWith('/replays') || template.startsWith('/evaluation')) return 'replay';
  if (write && template === '/teams') return 'team registration';
  if (write && template.endsWith('/support-received')) return 'team support received';
  if (write && template.endsWith('/networks/{id}/members')) return 'network membership';
  if (template.startsWith('/regions/')) return write ? 'regional write' : 'regional read';
  if (template.startsWith('/teams') || template.startsWith('/spirals') || template.startsWith('/organisations')) return write ? 'team write' : 'local read';
  if (write) return 'national write';
  // The catalogue is what teams pull knowledge from (SPEC "Ways of knowing and sharing").
  if (/^\/practices\/\{\w+\}$/.test(template)) return 'catalogue read';
  return 'national read';
}

const readsEverything = (role: Role) => role === 'national' || role === 'analyst' || role === 'auditor';

export function expectedDecision(role: Role, scope: Scope, pathClass: PathClass): Decision {
  const ownRegion = scope !== 'other region';
  switch (pathClass) {
    case 'team write':
      // A team writes only its own spirals (and its own team's facts); nobody else writes them.
      return role === 'local' && scope === 'own org' ? 'allow' : 'refuse';
    case 'team registration':
    case 'team support received':
      // SPEC names no registrar of teams, nor who records the support a team received; a team may,
      // its own region may or may not; nobody else may (a team is no national, analyst or audit fact).
      if (role === 'local') return scope === 'own org' ? 'allow' : 'refuse';
      if (role === 'regional') return ownRegion ? 'either' : 'refuse';
      return role === 'national' && pathClass === 'team registration' ? 'either' : 'refuse';
    case 'network membership':
      // "forms networks and communities of practice that teams join": a team joins, its region enrols it.
      if (role === 'local') return scope === 'own org' ? 'allow' : 'refuse';
      return role === 'regional' && ownRegion ? 'allow' : 'refuse';
    case 'regional write':
      return role === 'regional' && ownRegion ? 'allow' : 'refuse';
    case 'national write':
      return role === 'national' ? 'allow' : 'refuse';
    case 'local read':
      if (readsEverything(role)) return 'allow';
      if (role === 'regional') return ownRegion ? 'allow' : 'refuse';
      return scope === 'own org' ? 'allow' : 'refuse';
    case 'regional read':
      if (readsEverything(role)) return 'allow';
      if (role === 'regional') return ownRegion ? 'allow' : 'refuse';
      return 'refuse';
    case 'catalogue read':
      return 'allow';
    case 'national read':
      // SPEC gives national figures to national, analysts and auditors; a region compares itself with them.
      return readsEverything(role) ? 'allow' : 'either';
    case 'replay':
      // Analysts replay; national "reads everything"; SPEC does not give replays to auditors or regions.
      return role === 'analyst' || role === 'national' ? 'allow' : role === 'local' ? 'refuse' : 'either';
    case 'audit':
      // Auditors trace everything; national reads everything; local and regional users do not audit.
      return role === 'auditor' || role === 'national' ? 'allow' : role === 'analyst' ? 'either' : 'refuse';
    default: {
      const unknown: never = pathClass;
      throw new Error(`no decision for ${String(unknown)}`);
    }
  }
}
