import { Fragment } from 'react';

/**
 * A sentence in the reader's language with people's names in it, the names marked as written
 * (`translate="no"`): "由 王小明 代 王秀英 办理" reads as Chinese around names that stay as they are.
 */
export function NamedText({ text, names }: { text: string; names: string[] }) {
  const wanted = [...new Set(names.filter((name) => name.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return <span>{text}</span>;
  const pattern = new RegExp(
    `(${wanted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  );
  const parts = text.split(pattern);
  // One element: inside a flex button, loose pieces would each become an item of their own.
  return (
    <span>
      {parts.map((part, index) =>
        wanted.includes(part) ? (
          <span key={index} translate="no">
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </span>
  );
}
