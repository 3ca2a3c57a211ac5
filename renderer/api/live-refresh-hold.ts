import { useState } from 'react';

/**
 * `latest` while `hold` is off; while it is on, the value as it was when it went on. For a form
 * being edited: it keeps the record (and version) it was loaded from, so a change saved
 * elsewhere meanwhile — which live refresh brings in within seconds — neither replaces what is
 * being typed nor slips under it: saving answers STALE, as optimistic concurrency means to.
 */
export function useHeldWhile<T>(latest: T, hold: boolean): T {
  const [held, setHeld] = useState(latest);
  if (!hold && held !== latest) setHeld(latest);
  return hold ? held : latest;
}
