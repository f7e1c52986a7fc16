import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

// Raw HTML in the markdown is shown as text, and markdown-it refuses javascript: and similar links.
const markdown = new MarkdownIt({ html: false, linkify: true });

// Table alignment as a class, not markdown-it's style attribute: the page's content security policy allows no inline style.
markdown.core.ruler.push('alignment_classes', (state) => {
  state.tokens.filter((token) => token.attrGet('style')?.startsWith('text-align:')).forEach((token) => {
    const alignment = token.attrGet('style').slice('text-align:'.length);
    token.attrs = token.attrs.filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${alignment}`);
  });
});

export function Markdown({ source }) {
  const html = useMemo(() => markdown.render(source), [source]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
