/** A printed list of checks: each requirement passes or fails, facts are printed as they are. */
export class Report {
  private failures = 0;

  /** Prints a requirement with its outcome. */
  require(ok: boolean, text: string): void {
    if (!ok) this.failures++;
    console.log(`${ok ? '  ok  ' : '  FAIL'} ${text}`);
  }

  /** Prints a fact that is not a requirement. */
  info(text: string): void {
    console.log(`       ${text}`);
  }

  /** Prints a section heading. */
  section(title: string): void {
    console.log(`\n${title}`);
  }

  /** True when no requirement failed. */
  get passed(): boolean {
    return this.failures === 0;
  }

  /** Number of failed requirements. */
  get failed(): number {
    return this.failures;
  }
}

/** Formats an integer with thousands separators. */
export function n(value: number): string {
  return value.toLocaleString('en-US');
}
