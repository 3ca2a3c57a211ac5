import { describe, expect, it } from 'vitest';
import { methods } from '../../../src/api/contract';
import { describeMethods } from '../../../src/api/describe';

interface JsonSchemaObject {
  type?: unknown;
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

describe('describeMethods', () => {
  const described = describeMethods();

  it('lists every method of the contract exactly once', () => {
    expect(described.map((m) => m.name).sort()).toEqual(Object.keys(methods).sort());
    expect(described.length).toBeGreaterThanOrEqual(10);
  });

  it('gives each one a summary, its access and write flag, and a JSON Schema object as input', () => {
    for (const m of described) {
      const def = methods[m.name as keyof typeof methods];
      expect(m.summary.trim(), m.name).not.toBe('');
      expect(m.access, m.name).toEqual(def.access);
      expect(m.write, m.name).toBe(def.write);
      const input = m.input as JsonSchemaObject & { $schema?: string };
      expect(input.$schema, m.name).toMatch(/json-schema\.org/);
      // An object, or a choice of objects (e.g. one document kind or another).
      const variants = input as { oneOf?: JsonSchemaObject[]; anyOf?: JsonSchemaObject[] };
      const objects = input.type === 'object' ? [input] : (variants.oneOf ?? variants.anyOf ?? []);
      expect(objects.length, m.name).toBeGreaterThan(0);
      for (const o of objects) {
        expect(o.type, m.name).toBe('object');
        expect(typeof o.properties, m.name).toBe('object');
      }
    }
  });

  it('survives a JSON round trip (it is served as /api/methods)', () => {
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  });

  it("describes cases/register's parties as an array of at least two", () => {
    const register = described.find((m) => m.name === 'cases/register');
    const input = register?.input as JsonSchemaObject;
    expect(register?.access).toEqual(['reception']);
    expect(register?.write).toBe(true);
    expect(input.properties?.parties).toMatchObject({ type: 'array', minItems: 2 });
    expect(input.required).toEqual(
      expect.arrayContaining(['studioId', 'category', 'source', 'summary', 'parties']),
    );
    // Defaults make a field optional on input.
    expect(input.required).not.toContain('riskLevel');
    expect(input.properties?.category?.enum).toContain('traffic_accident');
  });

  it('marks sign-in public and sign-in fields required', () => {
    const signIn = described.find((m) => m.name === 'auth/signIn');
    expect(signIn?.access).toBe('public');
    expect((signIn?.input as JsonSchemaObject).required?.sort()).toEqual(['password', 'username']);
  });
});
