import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderWithApp } from '../test/render';
import { type DataColumn, DataTable } from './data-table';

type Person = { id: string; name: string; points: number; team: { zh: string; en: string } };

const people: Person[] = [
  { id: 'a', name: '王芳', points: 9, team: { zh: '环保队', en: 'Green team' } },
  { id: 'b', name: '陈明', points: 120, team: { zh: '读书会', en: 'Reading club' } },
  { id: 'c', name: '李娜', points: 15, team: { zh: '巡逻队', en: 'Patrol' } },
  { id: 'd', name: 'Zhou Ping', points: 0, team: { zh: '读书会', en: 'Reading club' } },
];

function renderPeople({
  language = 'en',
  rows = people,
  more,
}: {
  language?: Language;
  rows?: Person[];
  more?: boolean;
} = {}) {
  const team = (person: Person) => person.team[language];
  const columns: DataColumn<Person>[] = [
    { id: 'name', header: 'Name', cell: (p) => p.name, sortValue: (p) => p.name },
    { id: 'team', header: 'Team', cell: team, sortValue: team },
    {
      id: 'points',
      header: 'Points',
      cell: (p) => p.points,
      sortValue: (p) => p.points,
      className: 'number',
    },
    { id: 'actions', header: 'Actions', cell: () => <button type="button">Open</button> },
  ];
  return renderWithApp(
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(p) => p.id}
      search
      {...(more ? { more: { hasMore: true, loading: false, onLoad: () => {} } } : {})}
    />,
    { language },
  );
}

/** The first cell of each body row, top to bottom. */
const firstCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) });

describe('the data table', () => {
  it('sorts Chinese names in pinyin order, then the other way, then back as sent', () => {
    renderPeople({ language: 'zh' });
    expect(firstCells()).toEqual(['王芳', '陈明', '李娜', 'Zhou Ping']);
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    // Chen, Li, Wang: the order a Chinese reader looks a name up in.
    expect(firstCells()).toEqual(['陈明', '李娜', '王芳', 'Zhou Ping']);
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(firstCells()).toEqual(['Zhou Ping', '王芳', '李娜', '陈明']);
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(firstCells()).toEqual(['王芳', '陈明', '李娜', 'Zhou Ping']);
    expect(header('Name').hasAttribute('aria-sort')).toBe(false);
  });

  it('sorts numbers as numbers, not as text', () => {
    renderPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Points' }));
    expect(firstCells()).toEqual(['Zhou Ping', '王芳', '李娜', '陈明']);
    fireEvent.click(screen.getByRole('button', { name: 'Points' }));
    expect(firstCells()).toEqual(['陈明', '李娜', '王芳', 'Zhou Ping']);
    expect(header('Points').getAttribute('aria-sort')).toBe('descending');
    expect(header('Name').hasAttribute('aria-sort')).toBe(false);
  });

  it('sorts by the name in the reader’s language', () => {
    renderPeople({ language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Team' }));
    expect(firstCells()).toEqual(['王芳', '李娜', '陈明', 'Zhou Ping']);
  });

  it('offers no sort on a column with nothing to sort by', () => {
    renderPeople();
    expect(within(header('Actions')).queryByRole('button')).toBeNull();
  });

  it('keeps the rows holding what is typed, in any case, in the reader’s language', () => {
    renderPeople({ language: 'en' });
    const search = screen.getByLabelText('Find in this list');
    fireEvent.change(search, { target: { value: 'reading' } });
    expect(firstCells()).toEqual(['陈明', 'Zhou Ping']);
    expect(screen.getByText('2 of 4 rows match')).toBeTruthy();
    // What is searched is what is shown: the team's Chinese name is not on this screen.
    fireEvent.change(search, { target: { value: '读书会' } });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No rows match “读书会”.')).toBeTruthy();
    fireEvent.change(search, { target: { value: '' } });
    expect(firstCells()).toHaveLength(4);
  });

  it('finds Chinese words and full-width letters typed by an input method', () => {
    renderPeople({ language: 'zh' });
    const search = screen.getByLabelText('在列表中查找');
    fireEvent.change(search, { target: { value: '读书' } });
    expect(firstCells()).toEqual(['陈明', 'Zhou Ping']);
    fireEvent.change(search, { target: { value: 'ｚｈｏｕ' } });
    expect(firstCells()).toEqual(['Zhou Ping']);
    expect(screen.getByText('4 行中有 1 行符合')).toBeTruthy();
  });

  it('sorts what the search kept', () => {
    renderPeople();
    fireEvent.change(screen.getByLabelText('Find in this list'), { target: { value: 'l' } });
    fireEvent.click(screen.getByRole('button', { name: 'Points' }));
    expect(firstCells()).toEqual(['Zhou Ping', '李娜', '陈明']);
    fireEvent.change(screen.getByLabelText('Find in this list'), { target: { value: 'team' } });
    expect(firstCells()).toEqual(['王芳']);
  });

  it('says that sorting and finding cover only the rows loaded when there are more', () => {
    renderPeople({ more: true });
    expect(screen.getByText('Sorting and finding cover the 4 rows loaded so far.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });
});
