/**
 * What the administration API sends and takes (docs/openapi.json). The app may
 * not import server code, so these are the client's copies; the admin tests
 * hold the organisation kinds and the role grants equal to the server's.
 */
import type { Role } from '../../domain/accessScope.ts';
import type { Language } from '../../domain/localizedName.ts';

export const ORGANISATION_KINDS = ['school', 'cso', 'med', 'csw', 'ministry'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  municipalityId: string | null;
  /** A school organisation's school record; null for every other kind. */
  schoolId: string | null;
  createdAt: number;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  municipalityId: string | null;
  schoolId: string | null;
}

/** One role a person holds, with the place it applies to (null where the role takes none). */
export interface RoleAssignment {
  id: string;
  role: Role;
  schoolId: string | null;
  municipalityId: string | null;
  /** A teacher's class, "grade|class name" lower-cased. */
  classKey: string | null;
}

export interface UserSummary {
  id: string;
  login: string;
  displayName: string;
  organisationId: string | null;
  locale: string;
  createdAt: number;
  disabled: boolean;
  /** False until the invitation is accepted. */
  hasPassword: boolean;
  roles: RoleAssignment[];
}

export interface NewUser {
  login: string;
  displayName: string;
  organisationId: string | null;
  locale: Language;
}

/** A one-time code: shown this once (the server keeps only its hash). */
export interface Invitation {
  code: string;
  expiresAt: number;
}

export interface CreatedUser {
  user: UserSummary;
  invitation?: Invitation;
}

/** Each role with exactly the place it needs, as `POST /api/users/:userId/roles` takes it. */
export type RoleGrant =
  | { role: 'schoolTeam' | 'principal'; schoolId: string }
  | { role: 'teacher'; schoolId: string; classKey: string }
  | { role: 'coordinator' | 'cswLiaison'; municipalityId: string }
  | { role: 'mentor' | 'admin' };

export interface DeviceSummary {
  clientId: string;
  userId: string;
  firstSeenAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
}
