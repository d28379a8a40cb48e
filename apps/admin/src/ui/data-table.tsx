import {
  type ColumnDef,
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  type RowData,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { LoadMore } from './states';
import {
  compareSortValues,
  type SortValue,
  searchForm,
  sortCollator,
  textMatches,
} from './table-values';

/** One column: its header, its cell, and what sorting and searching read in it. */
export type DataColumn<Row> = {
  id: string;
  /** The header in words (it names the sort button), or a control such as "select all". */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** What the column sorts by, as the reader sees it; without it the column does not sort. */
  sortValue?: (row: Row) => SortValue;
  /** The words the search box finds in this column; a text `sortValue` when not given. */
  searchText?: (row: Row) => SortValue | readonly SortValue[];
  /** Class of both the header and the cells (`number`, `nowrap`, `select-cell`, …). */
  className?: string;
};

/** More rows on the server than loaded: the page's "load more". */
export type MoreRows = { hasMore: boolean; loading: boolean; onLoad: () => void };

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
});

/**
 * The admin's list table: sorted by a click on a column's header, optionally narrowed by a
 * search box, both over the rows loaded (the service pages lists 50 at a time; a paged list
 * says so beside "load more"). TanStack Table keeps the sort state and the row order; the
 * markup, its words and its roles are ours.
 */
export function DataTable<Row extends RowData>({
  rows,
  columns,
  rowKey,
  rowProps,
  className,
  caption,
  search = false,
  more,
}: {
  rows: readonly Row[];
  columns: readonly DataColumn<Row>[];
  rowKey: (row: Row) => string;
  rowProps?: (row: Row) => { 'aria-selected'?: boolean; className?: string };
  /** Classes beside `table` that pages and their tests know the table by. */
  className?: string;
  caption?: ReactNode;
  /** Show a box that keeps only the rows holding what is typed. */
  search?: boolean;
  more?: MoreRows;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const collator = useMemo(() => sortCollator(language), [language]);
  const [typed, setTyped] = useState('');
  const needle = searchForm(typed, language);
  const searchId = useId();

  const byId = new Map(columns.map((column) => [column.id, column]));
  const shownText = (column: DataColumn<Row> | undefined, row: Row): readonly SortValue[] => {
    if (!column) return [];
    if (column.searchText) {
      const text = column.searchText(row);
      return Array.isArray(text) ? text : [text as SortValue];
    }
    const value = column.sortValue?.(row);
    return typeof value === 'string' ? [value] : [];
  };
  // Rebuilt every render on purpose: the cells read the reader's language and formats, and a
  // few hundred rows sort in well under a millisecond.
  const tableColumns = columns.map(
    (column): ColumnDef<typeof features, Row> => ({
      id: column.id,
      accessorFn: (row) => column.sortValue?.(row) ?? undefined,
      enableSorting: column.sortValue !== undefined,
      sortFn: (a, b, id) =>
        compareSortValues(a.getValue<SortValue>(id), b.getValue<SortValue>(id), collator),
      sortUndefined: 'last',
    }),
  );
  const table = useTable({
    features,
    columns: tableColumns,
    data: rows as Row[],
    getRowId: (row) => rowKey(row),
    // Each click gives the next order: A→Z (or smallest first), Z→A, then as the service sent.
    sortDescFirst: false,
    enableMultiSort: false,
    state: { globalFilter: needle || undefined },
    getColumnCanGlobalFilter: (column) =>
      Boolean(byId.get(column.id)?.searchText ?? byId.get(column.id)?.sortValue),
    globalFilterFn: (row, columnId, filter: string) =>
      textMatches(shownText(byId.get(columnId), row.original), filter, language),
  });
  const shown = table.getRowModel().rows;

  return (
    <>
      {search ? (
        <div className="table-tools">
          <label htmlFor={searchId} className="field-label">
            {t('table.search')}
          </label>
          <input
            id={searchId}
            className="input table-search"
            type="search"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <span className="muted" role="status">
            {needle ? t('table.matches', { shown: shown.length, total: rows.length }) : null}
          </span>
        </div>
      ) : null}
      <div className="table-wrap">
        {shown.length === 0 && needle ? (
          <div className="empty">{t('table.noMatch', { query: typed.trim() })}</div>
        ) : (
          <table className={className ? `table ${className}` : 'table'}>
            {caption ? <caption className="visually-hidden">{caption}</caption> : null}
            <thead>
              <tr>
                {columns.map((column) => (
                  <HeaderCell
                    key={column.id}
                    column={column}
                    sorted={table.getColumn(column.id)?.getIsSorted() ?? false}
                    onSort={table.getColumn(column.id)?.getToggleSortingHandler()}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} {...rowProps?.(row.original)}>
                  {columns.map((column) => (
                    <td key={column.id} className={column.className}>
                      {column.cell(row.original)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more ? (
          <LoadMore
            hasMore={more.hasMore}
            loading={more.loading}
            onLoad={more.onLoad}
            note={t('table.loadedOnly', { count: rows.length })}
          />
        ) : null}
      </div>
    </>
  );
}

function HeaderCell<Row>({
  column,
  sorted,
  onSort,
}: {
  column: DataColumn<Row>;
  sorted: false | 'asc' | 'desc';
  onSort: ((event: unknown) => void) | undefined;
}) {
  if (!column.sortValue || !onSort) {
    return (
      <th scope="col" className={column.className}>
        {column.header}
      </th>
    );
  }
  return (
    <th
      scope="col"
      className={column.className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        {column.header}
        <span className={sorted ? 'sort-arrow sort-arrow-on' : 'sort-arrow'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
