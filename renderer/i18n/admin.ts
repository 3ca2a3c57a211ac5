/** Interface text of the admin screens: Chinese first, every key with its English twin. */
export const adminZh = {} as const;

export const adminEn: Record<keyof typeof adminZh, string> = {};
