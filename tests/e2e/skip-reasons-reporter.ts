import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Every skipped test says why, at the end of the run. */
export default class SkipReasonsReporter implements Reporter {
  readonly #skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations
      .filter((a) => a.type === 'skip')
      .map((a) => a.description ?? 'no reason given');
    this.#skipped.push(`  skipped: ${test.title} — ${reasons.join('; ') || 'no reason given'}`);
  }

  onEnd(): void {
    if (this.#skipped.length > 0) console.log(['', ...this.#skipped].join('\n'));
  }

  printsToStdio(): boolean {
    return true;
  }
}
