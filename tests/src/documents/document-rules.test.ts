import { describe, expect, it } from 'vitest';
import { effectiveOn, missingSigners } from '../../../src/documents/agreement-effect';
import { chineseNumeral } from '../../../src/documents/document.labels';
import { verifySchema } from '../../../src/documents/document.schema';
import { copiesClause } from '../../../src/documents/kinds/agreement';
import { dateTimeZh, dateZh } from '../../../src/documents/kinds/wording';
import { pageLabel } from '../../../src/documents/pdf-definition';
import { sniffScanType } from '../../../src/documents/scan-file';
import {
  canonicalJson,
  formatCode,
  sha256Hex,
  verificationCode,
} from '../../../src/documents/verification-code';

describe('verification codes', () => {
  it('are 8 characters of Crockford base32 taken from the content hash', () => {
    const hash = sha256Hex(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] }));
    const code = verificationCode(hash);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(verificationCode(hash)).toBe(code);
    expect(verificationCode(hash, 1)).not.toBe(code);
    expect(formatCode(code)).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
  });

  it('do not depend on the order of keys, and change with any change of content', () => {
    expect(canonicalJson({ a: 1, b: { y: 2, x: 1 } })).toBe(
      canonicalJson({ b: { x: 1, y: 2 }, a: 1 }),
    );
    const a = verificationCode(sha256Hex(canonicalJson({ text: '赔偿五万元' })));
    const b = verificationCode(sha256Hex(canonicalJson({ text: '赔偿五千元' })));
    expect(a).not.toBe(b);
  });

  it('are typed in any case, with or without the dash or spaces', () => {
    expect(verifySchema.parse({ code: ' 7kqf-3m2x ' })).toEqual({ code: '7KQF3M2X' });
    expect(verifySchema.safeParse({ code: 'ILOU-0000' }).success).toBe(false);
  });
});

describe('when an agreement takes effect', () => {
  const parties = [11, 12];
  const sig = (signer: string, signedOn: string) => ({ signer, signedOn });

  it('not while any party, the mediator or the seal is missing', () => {
    const some = [sig('party:11', '2026-03-10'), sig('mediator', '2026-03-10')];
    expect(effectiveOn(parties, some)).toBeNull();
    expect(missingSigners(parties, some)).toEqual(['party:12', 'committee']);
  });

  it('on the day of the last signature or seal, in whatever order they came', () => {
    const all = [
      sig('committee', '2026-03-11'),
      sig('party:12', '2026-03-14'),
      sig('party:11', '2026-03-10'),
      sig('mediator', '2026-03-12'),
    ];
    expect(effectiveOn(parties, all)).toBe('2026-03-14');
    expect(missingSigners(parties, all)).toEqual([]);
  });

  it('ignores signatures of anyone who is not a party to it', () => {
    const all = [
      sig('party:11', '2026-03-10'),
      sig('party:12', '2026-03-10'),
      sig('mediator', '2026-03-10'),
      sig('committee', '2026-03-10'),
      sig('party:99', '2026-03-20'),
    ];
    expect(effectiveOn(parties, all)).toBe('2026-03-10');
  });
});

describe('wording and layout rules', () => {
  it('numbers terms 一、二、…', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 40, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '四十',
      '九十九',
    ]);
  });

  it('writes dates and times the Chinese way', () => {
    expect(dateZh('2026-03-05')).toBe('2026年3月5日');
    expect(dateTimeZh('2026-03-12T09:00')).toBe('2026年3月12日上午9时');
    expect(dateTimeZh('2026-03-12T14:30')).toBe('2026年3月12日下午2时30分');
    expect(dateTimeZh('2026-03-12T12:15')).toBe('2026年3月12日下午12时15分');
  });

  it('says who keeps which copy', () => {
    expect(copiesClause(2, 3)).toMatch(/^本协议一式3份，当事人各执一份，人民调解委员会留存1份。/);
    expect(copiesClause(10, 12)).toMatch(
      /^本协议一式12份，当事人各执一份，人民调解委员会留存2份。/,
    );
  });

  it('numbers pages within each copy', () => {
    // 3 copies of 2 pages: page 5 is the first page of the third copy.
    expect(pageLabel(5, 6, 3)).toEqual({ copy: 3, page: 1, pages: 2 });
    expect(pageLabel(2, 6, 3)).toEqual({ copy: 1, page: 2, pages: 2 });
    expect(pageLabel(7, 7, 1)).toEqual({ copy: 1, page: 7, pages: 7 });
  });

  it('tells a scan’s type by its first bytes', () => {
    expect(sniffScanType(new Uint8Array(Buffer.from('%PDF-1.4 ...')))).toBe('application/pdf');
    expect(sniffScanType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffScanType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffScanType(new Uint8Array(Buffer.from('GIF89a')))).toBeNull();
    expect(sniffScanType(new Uint8Array([0x25, 0x50]))).toBeNull();
  });
});
