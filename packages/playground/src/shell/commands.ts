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
 * Words people type for what the titles say another way: a query word that starts one of these keys also
 * matches its synonyms ("pick" finds "Choose an image file…").
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  pick: ["choose", "image", "file"],
  select: ["choose", "image"],
  upload: ["choose", "image"],
  open: ["show", "choose"],
  photo: ["image", "camera"],
  picture: ["image", "camera"],
  selfie: ["image", "camera"],
  snap: ["camera"],
  webcam: ["camera"],
  submit: ["send"],
  run: ["send"],
  go: ["send"],
  execute: ["send"],
  delete: ["clear", "remove"],
  erase: ["clear"],
  download: ["export"],
  save: ["export"],
  snippet: ["code", "copy"],
  colour: ["theme"],
  color: ["theme"],
  mode: ["theme"],
  id: ["merchantbizid", "user"],
  env: ["environment"],
  key: ["environment", "settings"],
  docs: ["reference"],
  api: ["reference"],
  problems: ["problems"],
  errors: ["problems"],
};

// Characters that start a word in "category: title".
const WORD_START = /[\s:(/"-]/;

/**
 * How well one query word matches `text` (lower case); lower is better, undefined = no match. A substring at a
 * word start beats one inside a word, which beats a synonym's match, which beats the letters in order inside
 * one word (a fuzzy match, "tmln" for "timeline").
 */
function matchWord(text: string, word: string): number | undefined {
  const direct = substringScore(text, word);
  if (direct !== undefined) return direct;
  let best: number | undefined;
  for (const [key, synonyms] of Object.entries(SYNONYMS)) {
    if (word.length < 2 || !key.startsWith(word)) continue;
    for (const synonym of synonyms) {
      const score = substringScore(text, synonym);
      if (score !== undefined) best = Math.min(best ?? Number.POSITIVE_INFINITY, 20 + score);
    }
  }
  if (best !== undefined) return best;
  if (word.length < 3) return undefined;
  for (const candidate of text.split(WORD_START)) {
    if (candidate[0] === word[0] && isSubsequence(word, candidate))
      return 40 + candidate.length - word.length;
  }
  return undefined;
}

function substringScore(text: string, word: string): number | undefined {
  const index = text.indexOf(word);
  if (index < 0) return undefined;
  return index === 0 || WORD_START.test(text[index - 1] ?? "") ? 0 : 10;
}

function isSubsequence(word: string, candidate: string): boolean {
  let at = 0;
  for (const ch of candidate) if (ch === word[at]) at++;
  return at === word.length;
}

/**
 * Ranks commands for a palette query: every word of the query must match "category: title" (case-insensitive)
 * directly, through a synonym, or fuzzily; better matches rank first, then shorter titles.
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
      const wordScore = matchWord(text, word);
      if (wordScore === undefined) {
        ok = false;
        break;
      }
      score += wordScore;
    }
    if (ok) scored.push([command, score * 1000 + text.length]);
  }
  return scored.sort((a, b) => a[1] - b[1]).map(([command]) => command);
}
