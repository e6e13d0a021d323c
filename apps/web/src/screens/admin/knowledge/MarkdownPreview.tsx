import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

/**
 * An article body as readers see it, rendered from the Markdown tree as React elements (no HTML strings). Headings
 * start one level below the preview's own heading so the page's outline stays in order.
 */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const blocks = parseMarkdown(markdown);
  return <div className="markdown-preview">{blocks.length === 0 ? <p className="muted">Nothing to preview yet.</p> : blocks.map(renderBlock)}</div>;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${Math.min(block.level + 2, 6)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Heading key={key}>{renderInlines(block.children)}</Heading>;
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={key}>
          {block.items.map((item, index) => (
            <li key={index}>{renderInlines(item)}</li>
          ))}
        </List>
      );
    }
    case 'quote':
      return <blockquote key={key}>{renderInlines(block.children)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={key} />;
  }
}

function renderInlines(inlines: Inline[]): ReactNode[] {
  return inlines.map((inline, key) => {
    switch (inline.kind) {
      case 'text':
        return <span key={key}>{inline.text}</span>;
      case 'strong':
        return <strong key={key}>{renderInlines(inline.children)}</strong>;
      case 'em':
        return <em key={key}>{renderInlines(inline.children)}</em>;
      case 'code':
        return <code key={key}>{inline.text}</code>;
      case 'link':
        return (
          <a key={key} href={inline.href} target="_blank" rel="noreferrer noopener">
            {renderInlines(inline.children)}
          </a>
        );
    }
  });
}
