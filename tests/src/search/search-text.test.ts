import { describe, expect, it } from 'vitest';
import { parseSearchQuery, phoneSpellings, searchText } from '../../../src/search/search-text';
import { ftsMatchExpression } from '../../../src/search/sqlite-fts';
import { CREDIT_CODES, IDS } from '../../support/fixtures';

describe('parseSearchQuery', () => {
  it('is null for nothing to search', () => {
    expect(parseSearchQuery('')).toBeNull();
    expect(parseSearchQuery(' \t\u3000 ')).toBeNull();
  });

  it('splits words on any white space (ideographic space included) and sorts them by length', () => {
    expect(parseSearchQuery(' 张伟\u3000医疗费  王 ')).toEqual({
      kind: 'text',
      indexed: ['医疗费'],
      short: ['张伟', '王'],
    });
  });

  it('folds full-width forms and case, and drops repeated words', () => {
    expect(parseSearchQuery('（２０２６） ＡＢＣ abc Abc')).toEqual({
      kind: 'text',
      indexed: ['(2026)', 'abc'],
      short: [],
    });
    expect(searchText('ＡＢＣ　Ａ')).toBe('abc a');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(parseSearchQuery('𠮷野')).toEqual({ kind: 'text', indexed: [], short: ['𠮷野'] });
  });

  it('reads a full resident ID, in groups or with a lower-case x', () => {
    const grouped = `${IDS.zhangWei.slice(0, 6)} ${IDS.zhangWei.slice(6)}`;
    expect(parseSearchQuery(grouped)).toMatchObject({ kind: 'identifier', idNumber: IDS.zhangWei });
    expect(parseSearchQuery('11010519491231002x')).toMatchObject({
      idNumber: '11010519491231002X',
    });
  });

  it('reads a credit code in any case', () => {
    expect(parseSearchQuery(CREDIT_CODES.hospital.toLowerCase())).toMatchObject({
      kind: 'identifier',
      creditCode: CREDIT_CODES.hospital,
    });
  });

  it('reads phones however they are typed', () => {
    for (const q of ['138 1234 5678', '+86-138-1234-5678', '（138）12345678']) {
      expect(parseSearchQuery(q), q).toMatchObject({ kind: 'identifier', phones: ['13812345678'] });
    }
  });

  it('leaves short digit runs (case number pieces) as text', () => {
    expect(parseSearchQuery('0003')).toEqual({ kind: 'text', indexed: ['0003'], short: [] });
    expect(parseSearchQuery('1381234567')).toMatchObject({ kind: 'text' });
  });
});

describe('phoneSpellings', () => {
  it('a mobile has one spelling', () => {
    expect(phoneSpellings('13812345678')).toEqual(['13812345678']);
  });

  it('a landline: as typed, without its hyphen, and split after a 3- or 4-digit area code', () => {
    expect(phoneSpellings('059187654321')).toEqual(['059187654321', '0591-87654321']);
    expect(phoneSpellings('010-12345678')).toEqual(['010-12345678', '01012345678', '0101-2345678']);
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every term and doubles its quotes: FTS5 reads no operator inside', () => {
    expect(ftsMatchExpression(['abc', 'a"b"c', 'or', '*x*'])).toBe(
      '"abc" AND "a""b""c" AND "or" AND "*x*"',
    );
  });
});
