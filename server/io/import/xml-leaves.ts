import { DomainError, Unusable } from '../../domain/errors.js';
import { SaxesParser } from 'saxes';

export interface XmlEvents {
  /** An element opens: its local name, the local names of its ancestors, and its line. */
  open?(name: string, path: readonly string[], line: number): void;
  /** An element closes, with its own text (trimmed) when it has no child elements. */
  close(name: string, path: readonly string[], text: string, line: number): void;
}

/**
 * Reads an XML document as a stream of SAX events (saxes: strict well-formedness, namespaces,
 * positions, and no DTD or external entity is ever expanded). Names are local: EDGAR's files
 * bind the same namespace to `ns1:`, `n1:` or the default by the filer's software.
 * `lineOffset` places a document embedded in a larger file; a malformed one fails naming the line.
 */
export function readXml(text: string, events: XmlEvents, lineOffset = 0, what = 'The file'): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  const lines: number[] = [];
  let buffer = '';
  let leaf = true;
  parser.on('opentag', (tag) => {
    path.push(tag.local ?? tag.name);
    lines.push(parser.line + lineOffset);
    buffer = '';
    leaf = true;
    events.open?.(path.at(-1)!, path, parser.line + lineOffset);
  });
  parser.on('text', (t) => {
    if (leaf) buffer += t;
  });
  parser.on('cdata', (t) => {
    if (leaf) buffer += t;
  });
  parser.on('closetag', () => {
    const name = path.at(-1)!;
    events.close(name, path, leaf ? buffer.trim() : '', lines.at(-1)!);
    path.pop();
    lines.pop();
    buffer = '';
    leaf = false;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const line = parser.line + lineOffset;
    const reason = (error as Error).message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').replace(/\.$/, '');
    throw new Unusable(`${what} is not well-formed XML: line ${line}: ${reason}. Nothing was imported.`, {
      rowErrors: [{ row: line, message: `not well-formed XML: ${reason}` }],
    });
  }
}
