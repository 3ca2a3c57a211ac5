import type { z } from 'zod';
import { caseMethods } from '../cases/case.methods';
import { staffMethods } from '../staff/staff.methods';
import { studioMethods } from '../studios/studio.methods';

/**
 * Every user action, declared once. The dispatcher, the preview host's `/api/methods`, the
 * preload's typed bridge and the renderer's client all derive from this map.
 */
export const methods = {
  ...staffMethods,
  ...studioMethods,
  ...caseMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Awaited<ReturnType<Methods[M]['handler']>>;
