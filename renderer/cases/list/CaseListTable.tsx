import { Loader, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListSort, SortDirection } from '../../../src/cases/case-list.schema';
import { useStudioName, useStudios } from '../../shared/studios';
import classes from './CaseListTable.module.css';
import { CaseRow } from './CaseRow';
import type { CaseListItem } from './use-case-list';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
/** Start fetching the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;

export interface CaseListTableProps {
  readonly rows: readonly CaseListItem[];
  /** From cases/count, for assistive technology (aria-rowcount); null while unknown. */
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly loadMore: () => void;
  readonly sort: CaseListSort;
  readonly direction: SortDirection;
  readonly onSort: (sort: CaseListSort, direction: SortDirection) => void;
  readonly onOpen: (id: number) => void;
  readonly today: string;
  /** Where to remember the scroll position, so Back from a case returns to the same rows. */
  readonly scrollKey: string;
}

/** A column's first click: newest registered, nearest deadline, lowest number first. */
const FIRST_DIRECTION: Record<CaseListSort, SortDirection> = {
  registeredAt: 'desc',
  deadlineOn: 'asc',
  number: 'asc',
};

const scrollMemory = new Map<string, { offset: number; active: number }>();

/**
 * The case list as a virtualized ARIA table: fixed-height rows, only those in view (plus a few)
 * in the DOM, the next keyset page fetched as the end comes near. ↑/↓, PageUp/PageDown, Home/End
 * move between rows; Enter or a click opens the case.
 */
export function CaseListTable(props: CaseListTableProps) {
  const { rows, hasMore, loadingMore, loadMore, scrollKey } = props;
  const { t } = useTranslation();
  const studios = useStudios();
  const studioName = useStudioName();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Only where the rows it showed are still loaded (the query cache may have let them go).
  const memory = scrollMemory.get(scrollKey);
  const remembered =
    memory !== undefined && memory.offset <= rows.length * ROW_HEIGHT ? memory : undefined;
  const [active, setActive] = useState(remembered?.active ?? 0);
  const focusPending = useRef(false);

  // Read afresh on every render; nothing here relies on a compiler memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: remembered?.offset ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  // Back from a case: the same rows in view (the pages are still in the query cache).
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element !== null && remembered !== undefined) element.scrollTop = remembered.offset;
    // Only on arrival: later scrolling is the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollKey]);

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastVisible, rows.length, loadMore]);

  const activeRow = Math.min(active, Math.max(rows.length - 1, 0));

  useEffect(() => {
    if (!focusPending.current) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const remember = useCallback(
    (index: number) => {
      scrollMemory.set(scrollKey, { offset: scrollRef.current?.scrollTop ?? 0, active: index });
    },
    [scrollKey],
  );

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  // Stable while the rows are, so the memoized rows do not render again on every scroll.
  const { onOpen } = props;
  const open = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row === undefined) return;
      remember(index);
      onOpen(row.id);
    },
    [rows, remember, onOpen],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const visible = (scrollRef.current?.clientHeight ?? 440) - HEADER_HEIGHT;
    const pageRows = Math.max(1, Math.floor(visible / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeRow + 1,
      ArrowUp: activeRow - 1,
      PageDown: activeRow + pageRows,
      PageUp: activeRow - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(activeRow);
    }
  };

  const header = (sort: CaseListSort | null, label: string, title?: string) => {
    if (sort === null) {
      return (
        <div role="columnheader" className={classes.headerCell} title={title}>
          <span className={classes.cell}>{label}</span>
        </div>
      );
    }
    const current = props.sort === sort;
    const Icon = !current
      ? IconArrowsSort
      : props.direction === 'asc'
        ? IconArrowUp
        : IconArrowDown;
    const next: SortDirection = current
      ? props.direction === 'asc'
        ? 'desc'
        : 'asc'
      : FIRST_DIRECTION[sort];
    return (
      <div
        role="columnheader"
        className={classes.headerCell}
        aria-sort={current ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <UnstyledButton
          className={classes.sortButton}
          data-active={current || undefined}
          onClick={() => props.onSort(sort, next)}
          title={t('caseList.sortBy', { column: label })}
        >
          {label}
          <Icon size={14} stroke={current ? 2.2 : 1.5} aria-hidden />
        </UnstyledButton>
      </div>
    );
  };

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('caseList.title')}
      aria-rowcount={props.total === null ? -1 : props.total + 1}
      onKeyDown={onKeyDown}
      onScroll={() => remember(activeRow)}
      data-testid="case-list"
      // When the active row has scrolled out of the DOM, the table itself takes the tab stop.
      tabIndex={items.some((i) => i.index === activeRow) ? -1 : 0}
    >
      <div className={classes.canvas} style={{ height: virtualizer.getTotalSize() }}>
        <div role="rowgroup" className={classes.header} style={{ height: HEADER_HEIGHT }}>
          <div
            role="row"
            aria-rowindex={1}
            className={classes.grid}
            style={{ height: HEADER_HEIGHT }}
          >
            {header('number', t('caseList.col.number'))}
            {header(null, t('caseList.col.partiesShort'), t('caseList.col.parties'))}
            {header(null, t('caseList.col.category'))}
            {header(null, t('caseList.col.studio'))}
            {header(null, t('caseList.col.status'))}
            {header('deadlineOn', t('caseList.col.deadline'))}
            {header('registeredAt', t('caseList.col.registeredAt'))}
          </div>
        </div>
        <div role="rowgroup">
          {items.map((item) => {
            const row = rows[item.index];
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            if (row === undefined) {
              return (
                <div key="loading" className={classes.loadingRow} style={style} role="row">
                  <div role="cell">
                    <Loader size="xs" /> {t('caseList.loadingMore')}
                  </div>
                </div>
              );
            }
            return (
              <CaseRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                active={item.index === activeRow}
                studio={studioName(studios.data?.find((s) => s.id === row.studioId))}
                today={props.today}
                onOpen={open}
                onFocusRow={setActive}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
