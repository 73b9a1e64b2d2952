import { describe, expect, it } from 'vitest';
import {
  ALLOWED_REFERRALS,
  canRefer,
  createReferral,
  REFERRAL_SENDERS,
  REFERRAL_TARGETS,
  respondToReferral,
  type Referral,
} from '../../../../src/domain/referral.ts';
import { makeCase, USER_ID } from './fixtures.ts';

const open = makeCase({ status: 'open' });
const base = { id: 'r1', fromUserId: USER_ID, reason: 'complexCase', at: '2026-03-10' } as const;

describe('directions', () => {
  const MATRIX = REFERRAL_SENDERS.flatMap((from) => REFERRAL_TARGETS.map((to) => [from, to] as const));
  const ALLOWED = new Set(['mentor→schoolTeam', 'teacher→schoolTeam', 'schoolTeam→csw', 'schoolTeam→municipality']);

  it.each(MATRIX)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canRefer(from, to)).toBe(allowed);
    expect(ALLOWED_REFERRALS[from].includes(to)).toBe(allowed);
    const result = createReferral(open, { ...base, from, to });
    if (allowed) expect(result).toMatchObject({ ok: true, referral: { status: 'pending', from, to } });
    else expect(result).toEqual({ ok: false, code: 'directionNotAllowed' });
  });
});

describe('createReferral', () => {
  it('calls a move inside the school a handover, one outside a referral', () => {
    const handover = createReferral(open, { ...base, from: 'mentor', to: 'schoolTeam', reason: 'attendanceConcern' });
    expect(handover).toEqual({
      ok: true,
      referral: {
        id: 'r1',
        caseId: open.id,
        kind: 'handover',
        from: 'mentor',
        fromUserId: USER_ID,
        to: 'schoolTeam',
        toOrganisationId: null,
        reason: 'attendanceConcern',
        reasonText: '',
        sentAt: '2026-03-10',
        status: 'pending',
        respondedAt: null,
        respondedBy: null,
        responseNote: '',
      },
    });
    const referral = createReferral(open, {
      ...base,
      from: 'schoolTeam',
      to: 'csw',
      reason: 'safeguarding',
      toOrganisationId: 'csw-1',
    });
    expect(referral).toMatchObject({ ok: true, referral: { kind: 'referral', toOrganisationId: 'csw-1' } });
  });

  it('refuses a closed case, an unknown reason, "other" without words and a bad date', () => {
    const ok = { ...base, from: 'schoolTeam', to: 'csw' } as const;
    expect(createReferral(makeCase({ status: 'closed' }), ok)).toEqual({ ok: false, code: 'caseClosed' });
    expect(createReferral(open, { ...ok, reason: 'whim' })).toEqual({ ok: false, code: 'reasonRequired' });
    expect(createReferral(open, { ...ok, reason: 'other', reasonText: ' ' })).toEqual({
      ok: false,
      code: 'reasonTextRequired',
    });
    expect(createReferral(open, { ...ok, reason: 'other', reasonText: 'Family asks for it' }).ok).toBe(true);
    expect(createReferral(open, { ...ok, at: '10.03.2026' })).toEqual({ ok: false, code: 'invalidDate' });
  });
});

describe('respondToReferral', () => {
  const created = createReferral(open, { ...base, from: 'schoolTeam', to: 'municipality' });
  const pending = (created as { ok: true; referral: Referral }).referral;

  it('accepts, with an optional note', () => {
    expect(respondToReferral(pending, { decision: 'accepted', at: '2026-03-12', by: 'u9' })).toMatchObject({
      ok: true,
      referral: { status: 'accepted', respondedAt: '2026-03-12', respondedBy: 'u9', responseNote: '' },
    });
  });

  it('declines only with a reason, so the sender knows what to do next', () => {
    expect(respondToReferral(pending, { decision: 'declined', at: '2026-03-12', by: 'u9' })).toEqual({
      ok: false,
      code: 'declineNoteRequired',
    });
    expect(
      respondToReferral(pending, { decision: 'declined', at: '2026-03-12', by: 'u9', note: 'Not our municipality' }),
    ).toMatchObject({ ok: true, referral: { status: 'declined', responseNote: 'Not our municipality' } });
  });

  it('answers a referral once, never before it was sent', () => {
    const accepted = respondToReferral(pending, { decision: 'accepted', at: '2026-03-12', by: 'u9' });
    if (!accepted.ok) throw new Error(accepted.code);
    expect(
      respondToReferral(accepted.referral, { decision: 'declined', at: '2026-03-13', by: 'u8', note: 'x' }),
    ).toEqual({
      ok: false,
      code: 'alreadyAnswered',
    });
    expect(respondToReferral(pending, { decision: 'accepted', at: '2026-03-09', by: 'u9' })).toEqual({
      ok: false,
      code: 'answeredBeforeSent',
    });
    expect(respondToReferral(pending, { decision: 'accepted', at: 'tomorrow', by: 'u9' })).toEqual({
      ok: false,
      code: 'invalidDate',
    });
  });
});
