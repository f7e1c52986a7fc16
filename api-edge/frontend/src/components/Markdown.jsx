import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

// Raw HTML in the markdown is shown as text, and markdown-it refuses javascript: and similar links.
const markdown = new MarkdownIt({ html: false, linkify: true });

export function Markdown({ source }) {
  const html = useMemo(() => markdown.render(source), [source]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
