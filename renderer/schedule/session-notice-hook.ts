/**
 * HOOK for the documents issue — printing the session notice (调解通知书).
 *
 * The session drawer shows a "print notice" button wired to `printSessionNotice`. Until the
 * documents feature provides the printer, it is null and the button is shown disabled with a
 * note. The documents feature replaces the null with a function that renders and prints the
 * notice of a session; the facts it states are gathered in the core by `loadSessionNotice`
 * (src/schedule/session-notice.ts).
 */
export const printSessionNotice: ((sessionId: number) => Promise<void>) | null = null;
