/**
 * Case numbers: `（2026）矛医调字第0001号` — the template, the center's and the studio's codes are
 * settings; the sequence is per studio and year, gap-free (see nextSequenceValue).
 */
export interface CaseNumberParts {
  readonly year: number;
  readonly center: string;
  readonly studio: string;
  readonly word: string;
  readonly seq: number;
}

export const DEFAULT_NUMBER_TEMPLATE = '（{year}）{center}{studio}{word}字第{seq}号';

export function formatCaseNumber(template: string, parts: CaseNumberParts): string {
  return template
    .replaceAll('{year}', String(parts.year))
    .replaceAll('{center}', parts.center)
    .replaceAll('{studio}', parts.studio)
    .replaceAll('{word}', parts.word)
    .replaceAll('{seq}', String(parts.seq).padStart(4, '0'));
}

/** The center's calendar year (China Standard Time), not the machine's or UTC's. */
export function centerYear(at: Date, timeZone = 'Asia/Shanghai'): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}
