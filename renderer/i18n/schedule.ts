/** Interface text of the schedule screens: Chinese first, every key with its English twin. */
export const scheduleZh = {} as const;

export const scheduleEn: Record<keyof typeof scheduleZh, string> = {};
