/**
 * What each engine says when the schema refuses a row, one pattern per kind of constraint, so
 * a test asserts the same refusal on SQLite ("CHECK constraint failed: …") and PostgreSQL
 * ('… violates check constraint "…"').
 */
export const CHECK_VIOLATION = /CHECK constraint failed|violates check constraint/;
export const UNIQUE_VIOLATION =
  /UNIQUE constraint failed|duplicate key value violates unique constraint/;
export const FOREIGN_KEY_VIOLATION =
  /FOREIGN KEY constraint failed|violates foreign key constraint/;
