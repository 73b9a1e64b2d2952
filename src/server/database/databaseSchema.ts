import type { Generated } from 'kysely';
import type { Role } from '../../domain/accessScope.ts';
import type { Entity, MutationStatus, RejectionCode } from '../../sync/protocol.ts';

/** One row per mutation id ever received: makes a re-sent push answer `duplicate`. */
export interface AppliedMutationTable {
  id: string;
  client_id: string;
  entity: string;
  entity_id: string;
  status: Exclude<MutationStatus, 'duplicate'>;
  code: RejectionCode | null;
  /** Server time in epoch milliseconds, kept for audit (the client's HLC may be wrong). */
  received_at: number;
}

/** The current value of every field, with the HLC that wrote it (per-field last-writer-wins). */
export interface EntityFieldTable {
  entity: Entity;
  entity_id: string;
  field: string;
  value_json: string;
  hlc: string;
  /** The device that wrote the current value; null for the server's own writes. */
  client_id: string | null;
}

/** Every accepted field write, in commit order: `seq` is the pull cursor. */
export interface ChangeLogTable {
  seq: Generated<number>;
  entity: Entity;
  entity_id: string;
  field: string;
  value_json: string;
  hlc: string;
  /** Null for writes the server made itself (the demo seed). */
  mutation_id: string | null;
  /** The device that made the change; null for the server's own writes. */
  client_id: string | null;
}

/**
 * Where each child-data record belongs, kept in step with its fields and its
 * parents' (a visit takes its case's school and student), and each Municipal
 * Action Plan record (by municipality). Pulls join it to the
 * change log to send each user only what their scope reaches.
 */
export interface RecordScopeTable {
  entity: Entity;
  entity_id: string;
  school_id: string | null;
  class_key: string | null;
  student_id: string | null;
  case_id: string | null;
  /** A Municipal Action Plan record's municipality; null on child data (optional in inserts). */
  municipality_id: string | null;
}

export type OrganisationKind = 'school' | 'cso' | 'med' | 'csw' | 'ministry';

export interface OrganisationTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** The municipality it serves (a MED, a CSW, a school's municipality); null for a national body. */
  municipality_id: string | null;
  /** For a school: the school record it is. */
  school_id: string | null;
  created_at: number;
}

export interface AppUserTable {
  id: string;
  /** Lower-cased, unique. */
  login: string;
  display_name: string;
  /** scrypt, with its parameters (see passwordHash.ts); null until an invitation is accepted. */
  password_hash: string | null;
  organisation_id: string | null;
  locale: string;
  created_at: number;
  disabled_at: number | null;
  failed_sign_ins: number;
  /** Epoch ms until which sign-in is refused after too many wrong passwords. */
  locked_until: number | null;
  /** Bumped on every change to the user's roles or assigned cases. */
  scope_version: number;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: Role;
  school_id: string | null;
  municipality_id: string | null;
  /** A teacher's class (classKeyOf); null for other roles. */
  class_key: string | null;
  created_at: number;
}

/** A case given to a mentor (or any user) by the school team. */
export interface CaseAssignmentTable {
  case_id: string;
  user_id: string;
  assigned_at: number;
  assigned_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the token: a copy of the database does not sign anyone in. */
  token_hash: string;
  user_id: string;
  client_id: string;
  created_at: number;
  last_used_at: number;
  /** Sliding: each use moves it forward, never past `created_at` + the absolute limit. */
  expires_at: number;
  revoked_at: number | null;
}

/** A device (sync client id) a user signed in on; revoking it ends its sessions and wipes it at next contact. */
export interface DeviceTable {
  client_id: string;
  user_id: string;
  first_seen_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  /**
   * 32 random bytes, base64url: wraps the device's data key so a password sign-in
   * can recover it after too many wrong PINs. Kept as it is (it must be handed
   * back), only ever sent in the sign-in reply; null once revoked or signed out.
   */
  recovery_secret: string | null;
}

/** A one-time code that lets a new user choose a password. */
export interface InvitationTable {
  code_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/**
 * Who did what, when (F19). Ids and codes only: never a name, a note or a
 * field value, so the audit trail itself holds no child data.
 */
export interface AuditEventTable {
  id: Generated<number>;
  at: number;
  user_id: string | null;
  client_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  /** Small JSON of ids and counts (e.g. {"records":12}); never free text. */
  detail_json: string | null;
}

/**
 * The municipalities an audit event belongs to (src/server/audit/auditPlaces.ts),
 * one row each: what limits a municipal coordinator's view of the trail.
 */
export interface AuditEventMunicipalityTable {
  municipality_id: string;
  event_id: number;
}

/** An export a device reported, by the device's id for it: recorded in the audit trail once (exportAudit.ts). */
export interface ExportReceiptTable {
  id: string;
  user_id: string;
  received_at: number;
}

export interface DatabaseSchema {
  applied_mutation: AppliedMutationTable;
  entity_field: EntityFieldTable;
  change_log: ChangeLogTable;
  record_scope: RecordScopeTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  case_assignment: CaseAssignmentTable;
  session: SessionTable;
  device: DeviceTable;
  invitation: InvitationTable;
  audit_event: AuditEventTable;
  audit_event_municipality: AuditEventMunicipalityTable;
  export_receipt: ExportReceiptTable;
}

/** The tables the app owns (not Kysely's migration bookkeeping). */
export const APP_TABLES = [
  'applied_mutation',
  'entity_field',
  'change_log',
  'record_scope',
  'organisation',
  'app_user',
  'role_assignment',
  'case_assignment',
  'session',
  'device',
  'invitation',
  'audit_event',
  'audit_event_municipality',
  'export_receipt',
] as const satisfies readonly (keyof DatabaseSchema)[];
