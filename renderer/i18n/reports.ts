/** Interface text of the reports screens: Chinese first, every key with its English twin. */
export const reportsZh = {} as const;

export const reportsEn: Record<keyof typeof reportsZh, string> = {};
