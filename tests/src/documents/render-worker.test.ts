import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWorkerBundle } from '../../../electron/packaging/render-worker-bundle';
import { RENDER_WORKER_FILE } from '../../../electron/packaging/render-worker-file';
import type { RenderJob } from '../../../src/documents/doc-model';
import { PdfRenderer, repositoryFontsDir } from '../../../src/documents/render-client';
import { flatText } from './support';

function job(text: string, copies = 1): RenderJob {
  return {
    model: {
      title: text,
      blocks: [
        { type: 'title', text },
        { type: 'paragraph', text, indent: true },
      ],
    },
    frame: {
      header: '测试委员会',
      code: 'ABCD2345',
      copies,
      createdAt: '2026-03-10T02:00:00.000Z',
    },
  };
}

describe('the render worker', () => {
  it('answers concurrent requests each with its own PDF, and renders deterministically', async () => {
    const renderer = new PdfRenderer();
    try {
      const texts = ['第一份文书', '第二份文书', '第三份文书', '第四份文书'];
      const pdfs = await Promise.all(texts.map((t) => renderer.render(job(t))));
      pdfs.forEach((pdf, i) => expect(flatText(pdf.bytes)).toContain(texts[i]));
      const again = await renderer.render(job('第一份文书'));
      expect(again.bytes).toEqual(pdfs[0]?.bytes);
    } finally {
      await renderer.close();
    }
  });

  it('reports a failed render and keeps serving (a missing font folder, then a good one)', async () => {
    const broken = new PdfRenderer({ fontsDir: path.join(os.tmpdir(), 'no-such-fonts') });
    await expect(broken.render(job('失败'))).rejects.toThrow(
      /render worker failed.*no-such-fonts/s,
    );
    await broken.close();
    const renderer = new PdfRenderer({ fontsDir: repositoryFontsDir() });
    try {
      expect((await renderer.render(job('恢复'))).pages).toBe(1);
    } finally {
      await renderer.close();
    }
  });

  it('restarts after the worker dies, and rejects what it held', async () => {
    const renderer = new PdfRenderer({ timeoutMs: 1 });
    // A 1 ms budget: the first render is abandoned and the worker terminated...
    await expect(renderer.render(job('超时'))).rejects.toThrow(/took over 1 ms/);
    await renderer.close();
    // ...and a renderer with a sane budget starts afresh.
    const fresh = new PdfRenderer();
    try {
      expect((await fresh.render(job('重启', 2))).pages).toBe(2);
    } finally {
      await fresh.close();
    }
  });
});

describe('the bundled render worker (the packaged app’s render-worker.cjs)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'md-worker-bundle-'));
    const plugin = renderWorkerBundle();
    (plugin.configResolved as (config: unknown) => void)({
      root: path.resolve(import.meta.dirname, '../../..'),
      build: { outDir: dir },
    });
    await (plugin.closeBundle as () => Promise<void>)();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one self-contained file that renders a document with the packaged fonts', async () => {
    const renderer = new PdfRenderer({ workerScript: path.join(dir, RENDER_WORKER_FILE) });
    try {
      const pdf = await renderer.render(job('打包后的渲染进程', 3));
      expect(pdf.pages).toBe(3);
      expect(flatText(pdf.bytes)).toContain('打包后的渲染进程');
      expect(flatText(pdf.bytes)).toContain('第3份共3份');
    } finally {
      await renderer.close();
    }
  });
});
