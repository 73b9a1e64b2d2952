import type { CaseEvent, CaseRecord } from '../domain/caseRecord.ts';
import type { HomeVisit } from '../domain/homeVisit.ts';
import type { PlanAction } from '../domain/planAction.ts';
import type { Referral } from '../domain/referral.ts';
import type { RiskReason, Screening } from '../domain/riskScreening.ts';

/**
 * Casework records as kept on the device: the domain record plus the HLC that
 * last wrote each field (per-field last-writer-wins, as for students). A
 * record pulled across two pages may briefly lack some fields.
 */
export type FieldHlcs<R> = Partial<Record<Exclude<keyof R, 'id'>, string>>;

export interface CaseRow extends CaseRecord {
  hlcs: FieldHlcs<CaseRecord>;
}

/** One status change (append-only); the id is made on the device. */
export interface CaseEventRow extends CaseEvent {
  id: string;
  hlcs: FieldHlcs<CaseEvent>;
}

/** A screening keeps the reasons computed when it was saved, so its history reads the same forever. */
export interface ScreeningRow extends Screening {
  reasons: RiskReason[];
  hlcs: FieldHlcs<Screening & { reasons: RiskReason[] }>;
}

export interface HomeVisitRow extends HomeVisit {
  hlcs: FieldHlcs<HomeVisit>;
}

export interface PlanActionRow extends PlanAction {
  hlcs: FieldHlcs<PlanAction>;
}

export interface ReferralRow extends Referral {
  hlcs: FieldHlcs<Referral>;
}

/** A half-written form, kept on the device only (never synced), so it survives closing the app. */
export interface DraftRow {
  key: string;
  value: unknown;
  savedAt: number;
}
