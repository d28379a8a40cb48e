import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { catalogItem, fakeApi, renderInLanguage } from '../test/fake-api';
import { CatalogScreen } from './catalog-screen';

describe('the rewards catalog', () => {
  it('keeps a sold-out reward in view, last, dimmed and marked, and will not let it be chosen', async () => {
    const onChoose = vi.fn();
    const soldOut = catalogItem({
      id: 'w2',
      name: { zh: '雨伞', en: 'Umbrella' },
      points: 10,
      stock: 0,
    });
    const rice = catalogItem({ id: 'w1', points: 120 });
    renderInLanguage(
      <CatalogScreen
        api={fakeApi({ catalog: () => Promise.resolve([soldOut, rice]) })}
        onChoose={onChoose}
      />,
      'zh',
    );
    const umbrella = (await screen.findByText('雨伞')).closest('button');
    if (!umbrella) throw new Error('no card');
    const cards = screen.getAllByRole('button').filter((b) => b.classList.contains('reward-card'));
    expect(cards.at(-1)).toBe(umbrella);
    expect(umbrella.className).toContain('reward-card-sold-out');
    expect(umbrella.getAttribute('aria-disabled')).toBe('true');
    expect(umbrella.textContent).toContain('已售罄');
    fireEvent.click(umbrella);
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('大米 5 公斤'));
    expect(onChoose).toHaveBeenCalledWith(rice);
  });
});
