/**
 * The pure part of copying the embedded database into a server: which table goes first, and
 * how rows are cut into statements the server accepts.
 */

export interface TableShape {
  readonly name: string;
  /** Columns in the source's order. */
  readonly columns: readonly string[];
  /** Primary-key columns (to find a row again), in key order. */
  readonly primaryKey: readonly string[];
  /** Tables this one's foreign keys point at (itself included when it refers to its own rows). */
  readonly references: readonly string[];
  /** Columns of foreign keys pointing at this table's own rows (sessions.postponed_to_id). */
  readonly selfReferences: readonly string[];
  /** Whether any column holds bytes (PDFs, scans): read and written in smaller batches. */
  readonly hasBytes: boolean;
}

/**
 * Tables in an order in which every row's foreign keys point at rows already copied: those a
 * table refers to come before it (alphabetical among equals, so the order is stable). A
 * table's references to itself are left to `selfReferences`. Throws on a cycle between tables,
 * which no schema of this app has.
 */
export function copyOrder(tables: readonly TableShape[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const waitingFor = new Map<string, Set<string>>();
  for (const table of tables) {
    const others = table.references.filter((r) => r !== table.name);
    const unknown = others.find((r) => !names.has(r));
    if (unknown !== undefined) {
      throw new Error(`copy: ${table.name} refers to ${unknown}, which is not copied`);
    }
    waitingFor.set(table.name, new Set(others));
  }
  const order: string[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(`copy: foreign keys form a cycle among ${[...waitingFor.keys()].join(', ')}`);
    }
    for (const name of ready) {
      order.push(name);
      waitingFor.delete(name);
      for (const deps of waitingFor.values()) deps.delete(name);
    }
  }
  return order;
}

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
export const MAX_PARAMETERS = 30_000;
/** Bytes per INSERT: PDFs make rows large, and one statement is held in memory whole. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function sizeOf(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return value.length * 3;
  if (value instanceof Uint8Array) return value.byteLength;
  return 8;
}

/** Cuts rows (each a list of column values) into INSERT-sized batches, order kept. */
export function insertBatches(
  rows: readonly (readonly unknown[])[],
  columnCount: number,
): (readonly unknown[])[][] {
  const maxRows = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columnCount)));
  const batches: (readonly unknown[])[][] = [];
  let current: (readonly unknown[])[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = row.reduce<number>((sum, value) => sum + sizeOf(value), 0);
    if (current.length > 0 && (current.length >= maxRows || bytes + size > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
