import { describe, expect, it } from 'vitest';
import { centerDateTime, toCsv } from '../../../src/reports/export-table';

describe('CSV', () => {
  const sheet = (rows: (string | number | null)[][]) => ({
    name: '案件清单',
    caption: ['标题'],
    columns: [
      { header: 'a', width: 1 },
      { header: 'b', width: 1 },
    ],
    rows,
  });

  it('is UTF-8 with a byte-order mark and CRLF lines, quoted where needed', () => {
    const bytes = toCsv([
      sheet([
        ['含,逗号', 'say "hi"'],
        ['two\nlines', null],
      ]),
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '标题\r\na,b\r\n"含,逗号","say ""hi"""\r\n"two\nlines",\r\n',
    );
  });

  it('keeps a spreadsheet from running a cell as a formula, but not a negative number', () => {
    const text = toCsv([
      sheet([
        ['=HYPERLINK("x")', '@SUM(A1)'],
        [-3, '-12.5%'],
      ]),
    ]).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")",'@SUM(A1)`);
    expect(text).toContain('\r\n-3,-12.5%\r\n');
  });

  it('puts several sheets one after another under their names', () => {
    const text = toCsv([sheet([[1, 2]]), { ...sheet([[3, 4]]), name: '第二' }]).toString('utf8');
    expect(text).toBe('\uFEFF案件清单\r\n标题\r\na,b\r\n1,2\r\n\r\n第二\r\n标题\r\na,b\r\n3,4\r\n');
  });
});

describe('times in exports', () => {
  it('are center time to the minute', () => {
    expect(centerDateTime('2026-03-09T16:05:59.000Z')).toBe('2026-03-10 00:05');
    expect(centerDateTime(null)).toBeNull();
  });
});
