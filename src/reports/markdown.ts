/**
 * Markdown for reports that are pasted into Teams, wikis or e-mails. User text is
 * escaped so a "*" or "|" in an owner's follow-up cannot break the layout.
 */
export function mdEscape(text: string): string {
  return (
    text
      .replace(/\r?\n/g, ' ')
      // Inline syntax anywhere; "(" and ")" only matter after "]", which is escaped.
      .replace(/([\\`*_[\]|<>~])/g, '\\$1')
      // Block syntax only at the start of a line: headings, lists, quotes.
      .replace(/^(\s*)([#+\->])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

export const heading = (level: 1 | 2 | 3 | 4, text: string): string => `${'#'.repeat(level)} ${mdEscape(text)}`;

export const bullets = (items: readonly string[]): string => items.map((i) => `- ${i}`).join('\n');

/** A GFM table; cells are escaped (pass already-formatted cells through `md()` to keep them). */
export function mdTable(headers: readonly string[], rows: readonly (readonly (string | number | MdRaw)[])[]): string {
  const cell = (c: string | number | MdRaw) => (c instanceof MdRaw ? c.value : typeof c === 'number' ? String(c) : mdEscape(c) || ' ');
  return [`| ${headers.map(mdEscape).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export class MdRaw {
  constructor(readonly value: string) {}
}

/** Trusted Markdown (e.g. **bold** around escaped text). */
export const md = (value: string): MdRaw => new MdRaw(value);

/** Blocks separated by blank lines, empty ones dropped; ends with a newline. */
export const document = (blocks: readonly (string | null | undefined | false)[]): string => `${blocks.filter((b): b is string => !!b).join('\n\n')}\n`;
