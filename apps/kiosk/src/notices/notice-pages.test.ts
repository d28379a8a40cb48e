import { describe, expect, it } from 'vitest';
import { noticePages } from './notice-pages';

describe('notice pages', () => {
  it('splits the board into pages, the last one shorter', () => {
    expect(noticePages([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('keeps one empty page for an empty board', () => {
    expect(noticePages([], 3)).toEqual([[]]);
  });
});
