import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { StatusBadge } from '../StatusBadge';
import { DeadlineCell, partiesLine } from './CaseCells';
import classes from './CaseListTable.module.css';
import type { CaseListItem } from './use-case-list';

interface CaseRowProps {
  readonly row: CaseListItem;
  readonly index: number;
  /** Pixel offset from the top of the table (the virtualizer's). */
  readonly start: number;
  readonly height: number;
  readonly active: boolean;
  readonly studio: string;
  readonly today: string;
  readonly onOpen: (index: number) => void;
  readonly onFocusRow: (index: number) => void;
}

/**
 * One row of the case list. Memoized: while scrolling, the rows already on screen only move
 * (their `start` changes) and those coming into view mount; nothing else renders again.
 */
export const CaseRow = memo(function CaseRow(props: CaseRowProps) {
  const { row, index } = props;
  const { t } = useTranslation();
  const parties = partiesLine(row.parties, t('common.none'));
  const category = t(`label.category.${row.category}`);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row={index}
      data-odd={index % 2 === 1 || undefined}
      data-active={props.active || undefined}
      tabIndex={props.active ? 0 : -1}
      className={`${classes.row} ${classes.grid}`}
      style={{ height: props.height, transform: `translateY(${props.start}px)` }}
      onClick={() => props.onOpen(index)}
      onFocus={() => props.onFocusRow(index)}
    >
      <div role="cell" className={`${classes.cell} ${classes.number}`} title={row.number}>
        {row.number}
      </div>
      <div role="cell" className={classes.cell} title={parties}>
        {parties}
      </div>
      <div role="cell" className={classes.cell} title={category}>
        {category}
      </div>
      <div role="cell" className={classes.cell} title={props.studio}>
        {props.studio}
      </div>
      <div role="cell" className={classes.cell}>
        <StatusBadge status={row.status} />
      </div>
      <div role="cell" className={classes.cell}>
        <DeadlineCell status={row.status} deadlineOn={row.deadlineOn} today={props.today} />
      </div>
      <div role="cell" className={`${classes.cell} ${classes.dim}`}>
        {formatDateTime(row.registeredAt)}
      </div>
    </div>
  );
});
