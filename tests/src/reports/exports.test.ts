import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryLabels } from '../../../src/cases/case.labels';
import type { DashboardView } from '../../../src/reports/dashboard.service';
import { measureLabels, rateLabels } from '../../../src/reports/report.labels';
import { RATE_KEYS } from '../../../src/reports/report.schema';
import { BOSS, generateCenter, type GeneratedCenter } from './generated-center';

/**
 * The same numbers on screen (the method's output), in the XLSX (read back with exceljs), in
 * the CSV and in the monthly PDF (its text through pdftotext); personal numbers masked.
 */

let g: GeneratedCenter;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

beforeAll(async () => {
  g = await generateCenter({ seed: 11, from: '2026-01-20', to: '2026-04-08', perDay: [1, 2] });
  g.clock.set('2026-04-09T02:00:00.000Z');
}, 240_000);

afterAll(async () => {
  await g.close();
});

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = Buffer.from(base64, 'base64');
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return wb;
}

/** Rows of a sheet below its header row (found by its first cell), as plain values. */
function table(wb: ExcelJS.Workbook, sheet: string, header: string): unknown[][] {
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (inTable) rows.push(values);
    else if (values[0] === header) inTable = true;
  });
  return rows;
}

function pdfText(base64: string): string {
  const file = path.join(g.t.dir, `report-${Date.now()}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('dashboard exports', () => {
  let view: DashboardView;
  beforeAll(async () => {
    view = await g.t.ok('reports/dashboard', MARCH, BOSS);
    expect(view.current.counts.registered).toBeGreaterThan(20);
    expect(view.current.counts.concluded).toBeGreaterThan(5);
  });

  it('the XLSX carries the rates as exact fractions with their parts, and every table', async () => {
    const file = await g.t.ok(
      'reports/export',
      { what: 'dashboard', format: 'xlsx', ...MARCH },
      BOSS,
    );
    expect(file.filename).toBe('统计报表_2026-03-01_2026-03-31.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await workbook(file.base64);
    const keyRows = table(wb, '主要指标', '指标');
    expect(keyRows).toHaveLength(RATE_KEYS.length);
    RATE_KEYS.forEach((key, i) => {
      const r = view.current.rates[key];
      const p = view.previous.rates[key];
      expect(keyRows[i]).toEqual([
        rateLabels[key]['zh-CN'],
        r.numerator,
        r.denominator,
        r.value ?? '—',
        p.value ?? '—',
      ]);
    });
    const rateCell = wb.getWorksheet('主要指标')?.getRow(6).getCell(4);
    expect(rateCell?.numFmt).toBe('0.0%');

    const studioRows = table(wb, '工作室', '工作室');
    expect(studioRows).toHaveLength(view.byStudio.length + 1);
    view.byStudio.forEach((s, i) => {
      const row = studioRows[i] ?? [];
      expect(row[1]).toBe(s.figures.counts.registered);
      expect(row[3]).toBe(s.figures.counts.concluded);
      expect(row[5]).toBe(s.figures.rates.response.value ?? '—');
    });
    expect(studioRows.at(-1)?.slice(0, 2)).toEqual(['合计', view.current.counts.registered]);

    const categoryRows = table(wb, '纠纷类别', '纠纷类别');
    expect(categoryRows.map((r) => r[0])).toEqual([
      ...view.byCategory.map((c) => categoryLabels[c.category]['zh-CN']),
      '合计',
    ]);
    const counts = table(wb, '案件数量', '指标');
    expect(counts).toContainEqual([
      measureLabels.overdueAtEnd['zh-CN'],
      view.current.counts.overdueAtEnd,
      view.previous.counts.overdueAtEnd,
    ]);
    const trend = table(wb, '月度趋势', '月份');
    expect(trend.map((r) => r[0])).toEqual(view.trend.map((m) => m.month));
    expect(wb.getWorksheet('说明')).toBeDefined();
  });

  it('the CSV prints the same rates as the screen', async () => {
    const file = await g.t.ok(
      'reports/export',
      { what: 'dashboard', format: 'csv', ...MARCH },
      BOSS,
    );
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    for (const key of RATE_KEYS) {
      const r = view.current.rates[key];
      expect(csv).toContain(
        `${rateLabels[key]['zh-CN']},${r.numerator},${r.denominator},${r.text},${view.previous.rates[key].text}`,
      );
    }
  });

  it('the monthly PDF prints the same figures, as a work report', async () => {
    const report = await g.t.ok('reports/monthly', { year: 2026, month: 3 }, BOSS);
    expect(report.filename).toBe('月度统计报表_2026-03.pdf');
    expect(report.figures.current.counts).toEqual(view.current.counts);
    const text = pdfText(report.base64);
    const compact = text.replace(/[ \t]+/g, ' ');
    expect(compact).toContain('矛盾纠纷调处化解工作月度统计报表');
    expect(compact).toContain('（2026年3月）');
    for (const heading of [
      '一、主要指标',
      '二、案件数量',
      '三、分工作室情况',
      '四、分类别情况',
      '五、说明',
    ]) {
      expect(compact).toContain(heading);
    }
    for (const key of RATE_KEYS) {
      const r = view.current.rates[key];
      const line = compact
        .split('\n')
        .find((l) => l.trim().startsWith(rateLabels[key]['zh-CN']) && l.includes('/'));
      expect(line, key).toBeDefined();
      expect(line).toContain(`${r.numerator}/${r.denominator}`);
      expect(line).toContain(r.text);
      expect(line).toContain(view.previous.rates[key].text);
    }
    const registeredLine = compact
      .split('\n')
      .find((l) => l.trim().startsWith(`${measureLabels.registered['zh-CN']} `));
    expect(registeredLine?.trim().split(' ')).toEqual([
      measureLabels.registered['zh-CN'],
      String(view.current.counts.registered),
      String(view.previous.counts.registered),
    ]);
    expect(compact).toContain(`校验码 ${report.code.slice(0, 4)}-${report.code.slice(4)}`);
    expect(report.pages).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('case list exports', () => {
  it('export the list the Cases screen shows, in its order, numbers masked', async () => {
    const filter = { statuses: ['in_mediation', 'accepted'], registeredFrom: '2026-02-01' };
    const count = await g.t.ok('cases/count', filter, BOSS);
    const list = await g.t.ok(
      'cases/list',
      { ...filter, sort: 'number', direction: 'asc', limit: 200 },
      BOSS,
    );
    const file = await g.t.ok(
      'reports/export',
      { what: 'cases', format: 'xlsx', filter, sort: 'number', direction: 'asc' },
      BOSS,
    );
    expect(file.rows).toBe(count.total);
    const rows = table(await workbook(file.base64), '案件清单', '案号');
    expect(rows.map((r) => r[0])).toEqual(list.items.map((i) => i.number));
    const parties = rows.map((r) => String(r[11]));
    // numberedPerson IDs and the phone 13912345678 never appear whole.
    expect(parties.join('')).not.toMatch(/\d{17}[\dX]/);
    expect(parties.join('')).not.toContain('13912345678');
    expect(parties[0]).toMatch(/申请人：当事人\d{3}（\d{4}\*{10}[\dX]{4}，139\*{4}5678）/);
  });

  it('a drill-down exports exactly its cases; CSV guards against formulas', async () => {
    const drill = await g.t.ok(
      'reports/drill',
      { ...MARCH, measure: 'respondedLate', limit: 200 },
      BOSS,
    );
    const file = await g.t.ok(
      'reports/export',
      { what: 'drill', format: 'csv', ...MARCH, measure: 'respondedLate' },
      BOSS,
    );
    expect(file.rows).toBe(drill.total);
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    for (const item of drill.items) expect(csv).toContain(item.number);
    expect(file.filename).toBe('明细_respondedLate_2026-03-01_2026-03-31.csv');
  });

  it('the overdue list exports with its urgency and days', async () => {
    const page = await g.t.ok('reports/overdue', { limit: 200 }, BOSS);
    const file = await g.t.ok('reports/export', { what: 'overdue', format: 'xlsx' }, BOSS);
    expect(file.rows).toBe(page.total);
    const rows = table(await workbook(file.base64), '超期及临期案件', '案号');
    expect(rows.map((r) => r[0])).toEqual(page.items.map((i) => i.number));
    expect(rows.map((r) => r[7])).toEqual(page.items.map((i) => i.urgent.daysLeft));
  });
});
