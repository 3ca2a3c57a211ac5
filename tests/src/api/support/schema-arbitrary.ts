import fc from 'fast-check';

/**
 * fast-check arbitraries from a method's input schema (as JSON Schema, the form the contract
 * publishes at /api/methods): values of roughly the right shape, so the fuzz reaches past the
 * schema into the handlers, plus mutations of them that are almost right.
 */
type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
};

/** Strings that mean something somewhere in this app, mixed with arbitrary text. */
export function meaningfulStrings(paths: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(
    '',
    ' ',
    '2026-03-10',
    '2026-02-30',
    '2026-10-01',
    '08:30',
    '17:30',
    '25:99',
    '张伟',
    '11010519800101123X',
    '110105198001011238',
    '13812345678',
    '91350100M000100Y43',
    '（{year}）{center}{studio}{word}字第{seq}号',
    '{seq}',
    'admin',
    'reception',
    'correct horse battery',
    'medical',
    'idNumber',
    'phone',
    'holiday',
    'workday',
    'working_days',
    'written_agreement',
    '2026-03-10T02:00:00.000Z',
    ...paths,
  );
}

export function arbitraryFor(
  schema: JsonSchema,
  strings: fc.Arbitrary<string>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, strings, depth + 1)));
  }
  if (schema.allOf !== undefined && schema.allOf.length > 0) {
    return arbitraryFor(schema.allOf[0] ?? {}, strings, depth + 1);
  }
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, strings, depth)));
  }
  switch (types[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) {
        shape[key] = depth > 4 ? fc.constant(null) : arbitraryFor(property, strings, depth + 1);
      }
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
    }
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(arbitraryFor(schema.items ?? {}, strings, depth + 1), {
            maxLength: Math.min(schema.maxItems ?? 4, 4),
          });
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: strings },
        { weight: 2, arbitrary: fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      );
    case 'integer':
    case 'number': {
      const low = Math.max(schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000, -1_000_000);
      const high = Math.min(schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000, 1_000_000);
      const ints = fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -1, max: 6 }) },
        {
          weight: 2,
          arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(Math.max(low, high)) }),
        },
        { weight: 1, arbitrary: fc.constantFrom(2026, 0, -0, 2 ** 31, Number.MAX_SAFE_INTEGER) },
      );
      return types[0] === 'integer' ? ints : fc.oneof(ints, fc.double({ noNaN: false }));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** An almost-right value: one key dropped, one value of the wrong kind, junk added, or unwrapped. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      base,
      fc.nat(),
      fc.anything({ maxDepth: 2 }),
      fc.constantFrom('drop', 'replace', 'add', 'unwrap', 'nest'),
    )
    .map(([value, n, junk, how]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return junk;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length === 0 ? undefined : keys[n % keys.length];
      switch (how) {
        case 'drop':
          if (key !== undefined) delete copy[key];
          return copy;
        case 'replace':
          if (key !== undefined) copy[key] = junk;
          return copy;
        case 'add':
          copy[`extra${n % 3}`] = junk;
          // An own "__proto__" key, as JSON.parse makes one from a request body.
          Object.defineProperty(copy, '__proto__', {
            value: junk,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          return copy;
        case 'unwrap':
          return key === undefined ? junk : copy[key];
        default:
          return [copy];
      }
    });
}
