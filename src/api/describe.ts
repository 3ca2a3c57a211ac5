import { z } from 'zod';
import type { Access } from './method';
import { methods } from './contract';

export interface MethodDescription {
  readonly name: string;
  readonly summary: string;
  readonly access: Access;
  readonly write: boolean;
  readonly input: unknown;
}

/** The contract as data: each method with its input as JSON Schema (for `/api/methods`). */
export function describeMethods(): MethodDescription[] {
  return Object.entries(methods).map(([name, m]) => ({
    name,
    summary: m.summary,
    access: m.access,
    write: m.write,
    input: z.toJSONSchema(m.input, { io: 'input', unrepresentable: 'any' }),
  }));
}
