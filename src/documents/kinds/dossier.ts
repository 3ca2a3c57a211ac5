import type { CaseFacts } from '../case-facts';
import type { Block, DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { disputeZh, dateZh, namesOf, outcomeZh } from './wording';

/** A stored document placed in the dossier, with the pages one copy of it takes. */
export interface DossierSection {
  readonly model: DocModel;
  readonly pages: number;
  readonly createdOn: string;
}

/** Index rows per page: one line each, so the index's own length is known before layout. */
export const INDEX_ROWS_PER_PAGE = 20;

export interface DossierInput {
  readonly sections: readonly DossierSection[];
  readonly compiler: string;
  readonly compiledOn: string;
  readonly retention: string;
}

/**
 * 卷宗封面、卷内目录, followed by one copy of each of the case's documents in the order they
 * were made: the whole dossier prints in one go, and the index gives each paper's pages.
 */
export function dossier(facts: CaseFacts, input: DossierInput): DocModel {
  const c = facts.case;
  const title = documentKindLabels.dossier['zh-CN'];
  const rows = input.sections.length + 2;
  const indexPages = Math.max(1, Math.ceil(rows / INDEX_ROWS_PER_PAGE));
  let next = 2 + indexPages;
  const entries = input.sections.map((s, i) => {
    const first = next;
    next += s.pages;
    const span = s.pages > 1 ? `${first}–${first + s.pages - 1}` : String(first);
    return [String(i + 3), s.model.title, dateZh(s.createdOn), span, ''];
  });
  const blocks: Block[] = [
    { type: 'title', text: title },
    { type: 'number', text: `卷宗编号：${c.number}` },
    {
      type: 'fields',
      rows: [
        ['案由', disputeZh(facts)],
        ['当事人', namesOf(facts.parties)],
        ['受理日期', dateZh(facts.acceptedOn) || '—'],
        ['结案日期', dateZh(facts.concludedOn) || '—'],
        ['调解结果', outcomeZh(facts) || '—'],
        ['调解员', facts.mediators.join('、') || '—'],
        ['立卷人', input.compiler],
        ['立卷日期', dateZh(input.compiledOn)],
        ['保管期限', input.retention || '—'],
        ['本卷共计', `${next - 1}页`],
      ],
    },
    { type: 'paragraph', text: facts.committeeName },
    { type: 'pageBreak' },
    { type: 'title', text: '卷内目录' },
    {
      type: 'table',
      headers: ['序号', '文件名称', '日期', '页号', '备注'],
      widths: [1, 5, 3, 1.6, 1.6],
      rows: [
        ['1', '卷宗封面', dateZh(input.compiledOn), '1', ''],
        [
          '2',
          '卷内目录',
          dateZh(input.compiledOn),
          indexPages > 1 ? `2–${1 + indexPages}` : '2',
          '',
        ],
        ...entries,
      ],
    },
  ];
  for (const s of input.sections) blocks.push({ type: 'pageBreak' }, ...s.model.blocks);
  return { title, blocks };
}
