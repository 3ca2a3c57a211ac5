import type { Block, DocModel } from '../../src/documents/doc-model';
import { chineseNumeral } from '../../src/documents/document.labels';
import classes from './DocPreview.module.css';

function paragraphs(text: string, indent: boolean, key: string) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => (
      <p key={`${key}-${i}`} className={`${classes.paragraph} ${indent ? classes.indent : ''}`}>
        {line.trim()}
      </p>
    ));
}

function BlockView({ block, index }: { block: Block; index: number }) {
  const key = String(index);
  switch (block.type) {
    case 'title':
      return <h1 className={classes.title}>{block.text}</h1>;
    case 'number':
      return <div className={classes.number}>{block.text}</div>;
    case 'heading':
      return <h2 className={classes.heading}>{block.text}</h2>;
    case 'paragraph':
      return <>{paragraphs(block.text, block.indent ?? false, key)}</>;
    case 'fields':
      return (
        <table className={classes.table}>
          <tbody>
            {block.rows.map(([label, value], i) => (
              <tr key={i}>
                <th style={{ width: '22%', textAlign: 'left' }}>{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'table':
      return (
        <table className={classes.table}>
          <thead>
            <tr>
              {block.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'numbered':
      return (
        <>
          {block.items.map((item, i) =>
            paragraphs(`${chineseNumeral(i + 1)}、${item}`, true, `${key}-${i}`),
          )}
        </>
      );
    case 'signatures':
      return (
        <div className={classes.signatures}>
          {block.closing && paragraphs(block.closing, true, key)}
          {block.lines.map((line, i) => (
            <div key={i} className={classes.signLine}>
              <span>{line.label}：</span>
              <span className={classes.signSpace}>{line.value}</span>
            </div>
          ))}
          {block.footer && <div className={classes.footer}>{block.footer}</div>}
        </div>
      );
    case 'pageBreak':
      return <hr className={classes.pageBreak} />;
  }
}

/**
 * The document as the core will print it, drawn as HTML: the same model the PDF layout reads.
 * (An embedded PDF viewer would need `frame-src blob:` in the CSP, which the app does not allow.)
 */
export function DocPreview({ model, header }: { model: DocModel; header: string }) {
  return (
    <article className={classes.sheet} data-testid="doc-preview" lang="zh-CN">
      <div className={classes.header}>
        <span>{header}</span>
      </div>
      {model.blocks.map((block, i) => (
        <BlockView key={i} block={block} index={i} />
      ))}
    </article>
  );
}
