import type { ReactNode } from 'react';
import { headingLevel, parseMarkdown, type Block, type Inline } from '../lib/markdown';

/**
 * An article's Markdown rendered as React elements (never HTML strings): the portal's article page and the admin's
 * preview show the same thing. `topHeading` is the level its first headings take, one below the page's own heading,
 * so the outline stays in order.
 */
export function MarkdownBody({ markdown, topHeading }: { markdown: string; topHeading: 2 | 3 }) {
  return <div className="markdown-body">{parseMarkdown(markdown).map((block, key) => renderBlock(block, key, topHeading))}</div>;
}

function renderBlock(block: Block, key: number, topHeading: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${headingLevel(block.level, topHeading)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
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
