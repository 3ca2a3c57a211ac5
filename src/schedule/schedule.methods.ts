import { bookingMethods } from './booking.methods';
import { receptionDayMethods } from './reception-day.methods';
import { scheduleReadMethods } from './schedule-read.methods';
import { sessionStatusMethods } from './session-status.methods';

/** Scheduling: sessions, rooms, conflicts, next free slot. */
export const scheduleMethods = {
  ...scheduleReadMethods,
  ...bookingMethods,
  ...sessionStatusMethods,
  ...receptionDayMethods,
};
