/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls other than tab, newline
 * and carriage return, U+FFFE and U+FFFF, and lone surrogates (with the u flag each lone
 * surrogate is a code point of its own, outside every allowed range). One stored name with
 * such a character would otherwise make the whole export unreadable.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for XML content and attribute values. Tab, newline and carriage return become
 * character references: a parser normalises them away in attribute values (and a carriage
 * return everywhere), and the reference keeps them as written.
 */
export const xml = (value: unknown) =>
  String(value ?? '')
    .replace(notXmlChar, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
