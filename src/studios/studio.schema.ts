export const STUDIO_KINDS = [
  'mediation',
  'judicial_confirmation',
  'court',
  'counseling',
  'petition',
] as const;
export type StudioKind = (typeof STUDIO_KINDS)[number];
