import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NamedText } from './named-text';

describe('a sentence with names in it', () => {
  it('marks each name as written, and only the names', () => {
    const { container } = render(
      <NamedText text="by 王小明 for 王秀英 (王小明)" names={['王秀英', '王小明']} />,
    );
    expect(container.textContent).toBe('by 王小明 for 王秀英 (王小明)');
    expect(
      [...container.querySelectorAll('[translate="no"]')].map((span) => span.textContent),
    ).toEqual(['王小明', '王秀英', '王小明']);
  });

  it('leaves a sentence without names as it is', () => {
    expect(render(<NamedText text="Hello (a+b)" names={['', 'a+b']} />).container.innerHTML).toBe(
      '<span>Hello (<span translate="no">a+b</span>)</span>',
    );
  });
});
