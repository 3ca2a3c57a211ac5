/** Reports: the center's rates, overdue work, exports and the monthly report. */
export const reportMethods = {};
