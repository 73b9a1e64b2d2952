import { useSyncExternalStore } from 'react';
import { adminViewOf, type AdminView } from '../features/admin/adminView.ts';

export type Route =
  | { name: 'today' }
  | { name: 'students' }
  | { name: 'newStudent' }
  /** A school's class list from a CSV file (F18). */
  | { name: 'rosterImport' }
  | { name: 'editStudent'; id: string }
  | { name: 'studentScreenings'; studentId: string }
  | { name: 'cases' }
  | { name: 'newCase'; studentId: string }
  | { name: 'case'; id: string }
  | { name: 'newVisit'; caseId: string }
  | { name: 'correctVisit'; caseId: string; visitId: string }
  | { name: 'casePlan'; caseId: string }
  /** The printable case summary for a case conference (F17). */
  | { name: 'caseSummary'; caseId: string }
  | { name: 'newReferral'; caseId: string }
  | { name: 'classScreening' }
  /** The dashboard of a municipality or school (F16): aggregates only. */
  | { name: 'dashboard' }
  /** The Municipal Action Plans of the coordinator's municipality (F21), reached from the dashboard. */
  | { name: 'mapPlans' }
  | { name: 'mapPlan'; planId: string }
  /** A plan's printable progress report. */
  | { name: 'mapReport'; planId: string }
  | { name: 'settings' }
  | { name: 'outbox' }
  /** The audit trail (coordinators and administrators), reached from Settings. */
  | { name: 'audit' }
  /** Signing in again on a device that holds an account whose session ended. */
  | { name: 'signIn' }
  /** Choosing one's password with an invitation code, on a device nobody is signed in on. */
  | { name: 'invitation' }
  /** Administration (role `admin`): online screens over the administration API, no child data. */
  | { name: 'admin'; view: AdminView };

/** The top-level screens the bottom navigation leads to; every route belongs to one. */
export type Section = 'today' | 'cases' | 'students' | 'screening' | 'dashboard' | 'admin' | 'settings';

function caseRoute(caseId: string, rest: readonly string[]): Route | null {
  const [sub, subId] = rest;
  if (sub === undefined) return { name: 'case', id: caseId };
  if (sub === 'visit' && subId === undefined) return { name: 'newVisit', caseId };
  if (sub === 'visit' && subId !== undefined) return { name: 'correctVisit', caseId, visitId: subId };
  if (sub === 'plan') return { name: 'casePlan', caseId };
  if (sub === 'summary') return { name: 'caseSummary', caseId };
  if (sub === 'refer') return { name: 'newReferral', caseId };
  return null;
}

/**
 * Hash routes keep every screen reachable offline from the one precached
 * index.html. Only record ids (random UUIDs) appear in them — never a name.
 */
export function parseRoute(hash: string): Route {
  const [head, first, ...rest] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (head) {
    case 'settings':
      return { name: 'settings' };
    case 'outbox':
      return { name: 'outbox' };
    case 'audit':
      return { name: 'audit' };
    case 'sign-in':
      return { name: 'signIn' };
    case 'invitation':
      return { name: 'invitation' };
    case 'screening':
      return { name: 'classScreening' };
    case 'dashboard':
      return { name: 'dashboard' };
    case 'map':
      if (first === undefined) return { name: 'mapPlans' };
      return rest[0] === 'report' ? { name: 'mapReport', planId: first } : { name: 'mapPlan', planId: first };
    case 'admin':
      return { name: 'admin', view: adminViewOf(first, rest[0]) };
    case 'students':
      if (first === 'new') return { name: 'newStudent' };
      if (first === 'import') return { name: 'rosterImport' };
      if (first !== undefined && rest[0] === 'screenings') return { name: 'studentScreenings', studentId: first };
      if (first !== undefined) return { name: 'editStudent', id: first };
      return { name: 'students' };
    case 'cases':
      if (first === 'new' && rest[0] !== undefined) return { name: 'newCase', studentId: rest[0] };
      if (first !== undefined && first !== 'new') return caseRoute(first, rest) ?? { name: 'cases' };
      return { name: 'cases' };
    default:
      return { name: 'today' };
  }
}

export function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'today':
    case 'invitation':
      return 'today';
    case 'students':
    case 'newStudent':
    case 'editStudent':
    case 'studentScreenings':
    case 'rosterImport':
      return 'students';
    case 'classScreening':
      return 'screening';
    case 'dashboard':
    case 'mapPlans':
    case 'mapPlan':
    case 'mapReport':
      return 'dashboard';
    case 'admin':
      return 'admin';
    case 'settings':
    case 'outbox':
    case 'audit':
    case 'signIn':
      return 'settings';
    default:
      return 'cases';
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
