// IPS fidelity: at most 20 participants per full-time coach (docs/product-rules.md#principles).
export const CASELOAD_PER_FULL_TIME = 20;

export function caseloadTarget(employmentPercent: number): number {
  return Math.round((CASELOAD_PER_FULL_TIME * employmentPercent) / 100);
}
