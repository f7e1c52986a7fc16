import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../src/components/Markdown.jsx';

describe('Markdown', () => {
  it('renders tables with alignment classes instead of inline styles', () => {
    const { container } = render(<Markdown source={'| a | b |\n|---|---:|\n| 1 | 2 |\n'} />);

    expect(container.querySelector('[style]')).toBeNull();
    expect(container.querySelectorAll('td.align-right')).toHaveLength(1);
  });

  it('shows raw HTML as text and drops script links', () => {
    const { container } = render(<Markdown source={'<img src=x onerror=alert(1)> [x](javascript:alert(1))'} />);

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
