import dayjs from 'dayjs';

export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** Integer fen → "12,000.50" yuan. */
export function formatAmount(fen: number | null, locale: string): string | null {
  if (fen === null) return null;
  return (fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
