/**
 * Interface text of Settings → Database (embedded file or the center's PostgreSQL server) and
 * of the live refresh between workstations. Chinese first, every key with its English twin.
 */
export const databaseZh = {
  'database.section': '数据库',
};

export const databaseEn: Record<keyof typeof databaseZh, string> = {
  'database.section': 'Database',
};
