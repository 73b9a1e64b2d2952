/** Placeholder while the screen is being built: the case's referrals waiting for an answer. */
export function PendingReferrals(props: { caseId: string }) {
  void props;
  return null;
}
