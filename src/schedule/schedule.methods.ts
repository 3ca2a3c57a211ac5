/** Scheduling: sessions, rooms, conflicts, next free slot. */
export const scheduleMethods = {};
