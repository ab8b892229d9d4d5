/** One broken invariant: its kind (for the summary) and what was seen. */
export interface Failure {
  kind: string;
  message: string;
}

/** What one case gave: its failures (none when it passed) and counts of what it did, for the summary. */
export interface CaseReport {
  failures: Failure[];
  notes: Record<string, number>;
}

/** The command that replays one case. */
export function reproduction(campaign: string, seed: number, k: number, extra = ''): string {
  return `npm run fuzz -- --only ${campaign} --seed ${seed} --case ${k}${extra}`;
}
