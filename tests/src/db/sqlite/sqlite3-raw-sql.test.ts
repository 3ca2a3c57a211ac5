import { describe, expect, it } from 'vitest';
import { planRawSql } from '../../../../src/db/sqlite/sqlite3-driver';

// How raw SQL is classified decides between sqlite3's `all` (rows) and `run`
// (counts). Misclassifying a RETURNING statement as a plain write would drop
// rows, so these cases pin the tokenizer down.
describe('planRawSql', () => {
  it.each([
    ['select 1', 'read'],
    ['  SELECT * FROM t', 'read'],
    ['values (1), (2)', 'read'],
    ['pragma journal_mode', 'read'],
    ['explain query plan delete from t', 'read'],
    ['create table t (id integer)', 'read'],
    ['with x as (select 1) select * from x', 'read'],
    ["with x(n) as (select 'delete') select n from x", 'read'],
    ['insert into t values (1)', 'write'],
    ['replace into t values (1)', 'write'],
    ['update t set a = 1', 'write'],
    ['delete from t', 'write'],
    ['/* c */ -- line\n DELETE FROM t', 'write'],
    [
      'with recursive x(n) as (select 1 union all select n + 1 from x where n < 3) insert into t select n from x',
      'write',
    ],
    ['insert into t values (1) returning id', 'write-returning'],
    ['update t set a = 1 RETURNING *', 'write-returning'],
    ['with d as not materialized (select 1) delete from t returning a', 'write-returning'],
  ])('%s -> %s', (sqlText, kind) => {
    expect(planRawSql(sqlText).kind).toBe(kind);
  });

  it.each([
    "insert into t (a) values ('returning')",
    'insert into t ("returning") values (1)',
    'insert into t (x_returning) values (1)',
    'insert into t values (1) -- returning id',
    'insert into t values (1) /* returning id */',
    'update t set a = (select returning from u)', // inside parentheses: a column, not a clause
  ])('no RETURNING clause in: %s', (sqlText) => {
    expect(planRawSql(sqlText).kind).toBe('write');
  });

  it('marks inserts so that insertId is reported', () => {
    expect(planRawSql('insert into t values (1)')).toEqual({ kind: 'write', isInsert: true });
    expect(planRawSql('replace into t values (1)')).toEqual({ kind: 'write', isInsert: true });
    expect(planRawSql('update t set a = 1')).toEqual({ kind: 'write', isInsert: false });
  });

  it.each([
    'select 1; select 2',
    'delete from a; delete from b',
    "insert into t values (';'); drop table t",
  ])('rejects several statements: %s', (sqlText) => {
    expect(() => planRawSql(sqlText)).toThrow(/more than one statement/);
  });

  it.each([
    'select 1;',
    'select 1;  -- trailing comment',
    "select ';' ; /* and ; a comment */",
    'create trigger tr after insert on t begin update u set a = 1; delete from v; end',
    'create temp trigger tr after insert on t begin select 1; select 2; end;',
  ])('accepts a single statement: %s', (sqlText) => {
    expect(() => planRawSql(sqlText)).not.toThrow();
  });
});
