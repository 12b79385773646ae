/** One command of the palette. */
export interface Command {
  readonly id: string;
  /** Grouping shown before the title, as VS Code does ("View", "Sample", ...). */
  readonly category: string;
  readonly title: string;
  /** Shown at the right, e.g. "Ctrl+Enter". */
  readonly keybinding?: string;
  run(): void | Promise<void>;
}

/**
 * Ranks commands for a palette query: every word of the query must occur in "category: title"
 * (case-insensitive); matches at the start of a word rank first, then shorter titles.
 */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const scored: [Command, number][] = [];
  for (const command of commands) {
    const text = `${command.category}: ${command.title}`.toLowerCase();
    let score = 0;
    let ok = true;
    for (const word of words) {
      const index = text.indexOf(word);
      if (index < 0) {
        ok = false;
        break;
      }
      score += index === 0 || /[\s:(/-]/.test(text[index - 1] ?? "") ? 0 : 10;
    }
    if (ok) scored.push([command, score * 1000 + text.length]);
  }
  return scored.sort((a, b) => a[1] - b[1]).map(([command]) => command);
}
