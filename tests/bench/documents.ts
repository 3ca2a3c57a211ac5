import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { renderWorkerBundle } from '../../electron/packaging/render-worker-bundle';
import { RENDER_WORKER_FILE } from '../../electron/packaging/render-worker-file';
import { openCore, type Core } from '../../src/app/core';
import { closeDocuments } from '../../src/documents/document-runtime';
import { repositoryFontsDir } from '../../src/documents/render-client';
import { insertStaff } from '../../src/staff/staff.repository';
import { documentHtml } from './documents-html';
import { cheapPasswordHash } from './intake';
import { measure, print, type Figure } from './measure';

/**
 * Documents (issue 5), on a small center of its own (PDF rendering does not depend on the size
 * of the database):
 * - the first document after start (worker start, font loading, render) ≤ 1 s, with the
 *   bundled worker the app ships and with the tsx worker of development;
 * - a one-page agreement with the font loaded, p50 ≤ 150 ms (checked here on p95, stricter);
 * - a ten-page dossier ≤ 1.5 s; the file size of a one-page agreement ≤ 100 KB;
 * - for the record, Chromium's page.pdf() of the same agreement laid out as HTML.
 */
const PASSWORD = 'bench-documents-pass';
const SESSION = 'bench-documents';
const SAMPLES = Number(process.env.BENCH_DOCUMENT_SAMPLES ?? 40);

async function must(core: Core, method: string, input: unknown) {
  const result = await core.dispatch(SESSION, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

/** A clerk-mediator of the medical studio, signed in, and a case in mediation with two parties. */
async function prepare(core: Core) {
  await signInClerk(core);
  return prepareCase(core);
}

async function medicalStudio(core: Core): Promise<number> {
  const studio = await core.db
    .selectFrom('studios')
    .select('id')
    .where('code', '=', 'medical')
    .executeTakeFirstOrThrow();
  return studio.id;
}

async function signInClerk(core: Core) {
  await insertStaff(core.db, {
    username: 'bench-docs',
    displayName: '书记员',
    passwordHash: cheapPasswordHash(PASSWORD),
    roles: ['reception', 'mediator', 'clerk'],
    studioIds: [await medicalStudio(core)],
    createdAt: new Date().toISOString(),
  });
  await must(core, 'auth/signIn', { username: 'bench-docs', password: PASSWORD });
}

async function prepareCase(core: Core) {
  const { id } = (await must(core, 'cases/register', {
    studioId: await medicalStudio(core),
    category: 'medical',
    source: 'walk_in',
    summary: '患者术后感染，双方就赔偿金额协商未果。',
    requests: '赔偿医疗费、误工费',
    parties: [
      {
        role: 'applicant',
        party: { kind: 'person', name: '张伟', sex: 'male', phone: '13812345678' },
      },
      {
        role: 'respondent',
        party: { kind: 'organization', name: '市第一人民医院', legalRepresentative: '赵院长' },
      },
    ],
  })) as { id: number };
  const version = async () =>
    ((await must(core, 'cases/get', { id })) as { version: number }).version;
  await must(core, 'cases/accept', { id, version: await version() });
  await must(core, 'cases/startMediation', { id, version: await version() });
  const view = (await must(core, 'cases/get', { id })) as { parties: { partyId: number }[] };
  return { caseId: id, partyIds: view.parties.map((p) => p.partyId) };
}

function agreement(partyIds: readonly number[], i: number) {
  return {
    parties: partyIds.map((partyId) => ({ partyId })),
    facts: `申请人于2026年1月在被申请人处接受手术，术后切口感染，住院治疗二十日（样本${i}）。`,
    issues: '医疗费、误工费的赔偿数额。',
    responsibilities: '被申请人承担主要责任，申请人承担次要责任。',
    terms: [
      `被申请人于2026年4月30日前一次性赔偿申请人人民币${50_000 + i}元。`,
      '申请人收到赔偿款后，不再就本次纠纷向被申请人主张任何权利。',
    ],
    performanceManner: '银行转账',
    performancePlace: '医院财务科',
    performanceDeadline: '2026-04-30',
    copies: partyIds.length + 1,
  };
}

async function openBenchCore(dir: string, name: string, workerScript?: string) {
  return openCore({
    dbFile: path.join(dir, `${name}.sqlite`),
    documents: { fontsDir: repositoryFontsDir(), ...(workerScript ? { workerScript } : {}) },
    onInternalError: (method, error) => console.error(method, error),
  });
}

/** From a cold worker: start, load the fonts, render and store the first agreement. */
async function firstDocument(dir: string, name: string, workerScript?: string): Promise<number> {
  await closeDocuments();
  const core = await openBenchCore(dir, name, workerScript);
  try {
    const { caseId, partyIds } = await prepare(core);
    const saved = await must(core, 'agreements/save', { caseId, content: agreement(partyIds, 0) });
    const start = performance.now();
    await must(core, 'agreements/print', { versionId: saved.versionId });
    return performance.now() - start;
  } finally {
    await core.close();
  }
}

function single(label: string, ms: number, budget: number | null): Figure {
  const figure = { label, p50: ms, p95: ms, max: ms, budget, samples: 1 };
  print(figure);
  return figure;
}

export async function documentsBenchmark(): Promise<Figure[]> {
  console.log('\ndocuments (PDF, pdfmake on the render worker)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'md-bench-docs-'));
  const figures: Figure[] = [];
  try {
    const plugin = renderWorkerBundle();
    (plugin.configResolved as (config: unknown) => void)({
      root: process.cwd(),
      build: { outDir: dir },
    });
    await (plugin.closeBundle as () => Promise<void>)();
    const bundled = path.join(dir, RENDER_WORKER_FILE);

    figures.push(
      single(
        'first document, bundled worker (app)',
        await firstDocument(dir, 'cold-app', bundled),
        1000,
      ),
      single(
        'first document, tsx worker (development)',
        await firstDocument(dir, 'cold-dev'),
        null,
      ),
    );

    await closeDocuments();
    const core = await openBenchCore(dir, 'warm', bundled);
    try {
      const { caseId, partyIds } = await prepare(core);
      let size = 0;
      let pages = 0;
      const onePage = await measure(
        'one-page agreement, font loaded (agreements/previewPdf)',
        null,
        async (i) => {
          const pdf = await must(core, 'agreements/previewPdf', {
            caseId,
            content: agreement(partyIds, i),
          });
          size = Buffer.from(pdf.dataBase64 as string, 'base64').byteLength;
          pages = pdf.pages as number;
        },
        SAMPLES,
      );
      // The issue's budget is on the median (p50 ≤ 150 ms); measure() checks p95 against its.
      console.log(
        `${'  budget p50 ≤ 150 ms'.padEnd(52)} ${onePage.p50 <= 150 ? 'ok' : 'OVER BUDGET'}`,
      );
      figures.push(onePage);
      if (onePage.p50 > 150)
        figures.push({ ...onePage, label: 'one-page agreement p50', budget: 0 });
      const kb = size / 1024;
      console.log(
        `${'one-page agreement file size'.padEnd(52)} ${kb.toFixed(1)} KB (${pages} page)  budget 100 KB ${kb <= 100 ? 'ok' : 'OVER BUDGET'}`,
      );
      if (kb > 100 || pages !== 1) {
        figures.push({
          label: 'one-page agreement file size',
          p50: kb,
          p95: Infinity,
          max: kb,
          budget: 0,
          samples: 1,
        });
      }
      figures.push(
        await measure(
          'agreement, 3 copies, rendered and stored (agreements/print)',
          null,
          async (i) => {
            const saved = await must(core, 'agreements/save', {
              caseId,
              content: agreement(partyIds, 1000 + i),
            });
            await must(core, 'agreements/print', { versionId: saved.versionId });
          },
          Math.min(SAMPLES, 20),
        ),
      );

      // A dossier of about ten pages on a case of its own: register, notice, records, agreement.
      const dossierCase = await prepareCase(core);
      const d = dossierCase.caseId;
      const v = await must(core, 'agreements/save', {
        caseId: d,
        content: agreement(dossierCase.partyIds, 0),
      });
      await must(core, 'agreements/print', { versionId: v.versionId });
      await must(core, 'documents/generate', { kind: 'acceptance_receipt', caseId: d });
      await must(core, 'documents/generate', {
        kind: 'session_notice',
        caseId: d,
        startsAt: '2026-03-12T09:00',
        place: '医调一室',
      });
      for (let s = 0; s < 3; s += 1) {
        await must(core, 'documents/generate', {
          kind: 'mediation_record',
          caseId: d,
          heldAt: `2026-03-1${s + 2}T09:00`,
          place: '医调一室',
          record: Array.from(
            { length: 12 },
            (_, k) => `第${k + 1}轮：双方就赔偿数额陈述意见，调解员释明法律规定。`,
          ).join('\n'),
        });
      }
      let dossierPages = 0;
      figures.push(
        await measure(
          'ten-page dossier (documents/generate dossier)',
          1500,
          async (i) => {
            const doc = await must(core, 'documents/generate', {
              kind: 'dossier',
              caseId: d,
              retention: `长期${i}`,
            });
            dossierPages = doc.pages as number;
          },
          10,
        ),
      );
      console.log(`  (the dossier has ${dossierPages} pages)`);

      const preview = (await must(core, 'agreements/preview', {
        caseId,
        content: agreement(partyIds, 0),
      })) as { model: Parameters<typeof documentHtml>[0] };
      const html = path.join(dir, 'agreement.html');
      writeFileSync(html, documentHtml(preview.model, repositoryFontsDir()));
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`file://${html}`);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        figures.push(
          await measure(
            'same agreement as HTML, Chromium page.pdf() (reference)',
            null,
            () => page.pdf({ format: 'A4' }),
            Math.min(SAMPLES, 20),
          ),
        );
      } finally {
        await browser.close();
      }
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
