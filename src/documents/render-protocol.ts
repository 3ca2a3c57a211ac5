import type { RenderJob } from './doc-model';

/**
 * The render worker's protocol: one request per document, answered once, matched by id. Plain
 * data both ways (the PDF bytes are transferred, not copied).
 */
export interface RenderRequest {
  readonly id: number;
  readonly job: RenderJob;
  readonly fontsDir: string;
}

export type RenderResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly pages: number;
      readonly missing: readonly string[];
    }
  | { readonly id: number; readonly ok: false; readonly message: string };
