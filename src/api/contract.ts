import type { z } from 'zod';
import { calendarMethods } from '../calendar/calendar.methods';
import { caseListMethods } from '../cases/case-list.methods';
import { caseMethods } from '../cases/case.methods';
import { conclusionMethods } from '../cases/conclusion.methods';
import { deadlineMethods } from '../cases/deadline.methods';
import { responseMethods } from '../cases/response.methods';
import { routingMethods } from '../cases/routing.methods';
import { documentMethods } from '../documents/document.methods';
import { reportMethods } from '../reports/report.methods';
import { scheduleMethods } from '../schedule/schedule.methods';
import { adminMethods } from '../settings/admin.methods';
import { staffMethods } from '../staff/staff.methods';
import { studioMethods } from '../studios/studio.methods';
import { syncMethods } from '../sync/sync.methods';

/**
 * Every user action, declared once. The dispatcher, the preview host's `/api/methods`, the
 * preload's typed bridge and the renderer's client all derive from this map.
 */
export const methods = {
  ...staffMethods,
  ...studioMethods,
  ...calendarMethods,
  ...caseMethods,
  ...caseListMethods,
  ...responseMethods,
  ...conclusionMethods,
  ...routingMethods,
  ...deadlineMethods,
  ...scheduleMethods,
  ...documentMethods,
  ...adminMethods,
  ...reportMethods,
  ...syncMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Awaited<ReturnType<Methods[M]['handler']>>;
