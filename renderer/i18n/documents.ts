/** Interface text of the documents screens: Chinese first, every key with its English twin. */
export const documentsZh = {} as const;

export const documentsEn: Record<keyof typeof documentsZh, string> = {};
