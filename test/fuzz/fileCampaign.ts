import type { CaseReport } from './report';

/** Options of the damaged-file campaign. */
export interface FileOptions {
  budgetMs: number;
}

export async function runFileCase(_seed: number, _k: number, _options: FileOptions): Promise<CaseReport> {
  return { failures: [], notes: {} };
}
