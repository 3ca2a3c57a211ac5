import { performance } from 'node:perf_hooks';
import { options } from './options';

export interface Figure {
  readonly label: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly budget: number | null;
  readonly samples: number;
}

export const SAMPLES = options.samples;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Runs `run` SAMPLES times, one after the other (a desk is one user: latency, not throughput),
 * after a few unmeasured warm-up calls, and prints p50/p95 against the p95 budget.
 */
export async function measure(
  label: string,
  budget: number | null,
  run: (i: number) => Promise<unknown>,
  samples = SAMPLES,
): Promise<Figure> {
  for (let i = 0; i < 5; i += 1) await run(samples + i);
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const figure = {
    label,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1) ?? NaN,
    budget,
    samples,
  };
  print(figure);
  return figure;
}

export function print(f: Figure): void {
  const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;
  const verdict = f.budget === null ? '' : f.p95 <= f.budget ? 'ok' : 'OVER BUDGET';
  const budget = f.budget === null ? '—'.padEnd(6) : `${f.budget} ms`.padEnd(6);
  console.log(
    `${f.label.padEnd(52)} p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  max ${ms(f.max)}  budget ${budget} ${verdict}`,
  );
}

/** Times one step of the build (generation, indexing) in seconds. */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await step();
  console.log(`${label.padEnd(52)} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return value;
}
