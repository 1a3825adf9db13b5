#!/usr/bin/env node
/**
 * How long the built-in levels' intros are for a beginner: the words in each intro's first
 * paragraph and the average words per sentence over the whole intro, per level and overall.
 * `--check` exits 1 when a first paragraph has 50 words or more or a level averages 20 words or
 * more a sentence. Usage: node scripts/intro-stats.mjs [--check] [levels/index.json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MAX_FIRST_WORDS = 50;
const MAX_SENTENCE_WORDS = 20;

/** The words of a text: runs of letters, digits and the marks inside them ("9x9", "don't", "-1"). */
export function words(text) {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,x-]*|[\\/#]/gu) ?? [];
}

/** The sentences of a paragraph: split after . ! ? or : followed by a space and a capital or digit. */
export function sentences(paragraph) {
  return paragraph
    .split(/(?<=[.!?])\s+(?=["“(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

/** The figures of one intro (a list of paragraphs). */
export function introStats(intro) {
  const all = intro.flatMap(sentences);
  const total = all.reduce((sum, s) => sum + words(s).length, 0);
  return {
    firstWords: words(intro[0] ?? '').length,
    sentences: all.length,
    wordsPerSentence: all.length ? total / all.length : 0,
    longestSentence: Math.max(0, ...all.map((s) => words(s).length)),
  };
}

function main(argv) {
  const check = argv.includes('--check');
  const indexPath = argv.find((a) => !a.startsWith('--')) ?? 'levels/index.json';
  const index = JSON.parse(readFileSync(indexPath, 'utf8'));
  const rows = index.levels.map((id) => {
    const level = JSON.parse(readFileSync(join(dirname(indexPath), `${id}.json`), 'utf8'));
    return { id, ...introStats(level.intro) };
  });
  const pad = (v, n) => String(v).padStart(n);
  console.log(
    `${'level'.padEnd(20)} ${pad('first ¶ words', 13)} ${pad('sentences', 9)} ${pad('words/sentence', 14)} ${pad('longest', 7)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.id.padEnd(20)} ${pad(r.firstWords, 13)} ${pad(r.sentences, 9)} ${pad(r.wordsPerSentence.toFixed(1), 14)} ${pad(r.longestSentence, 7)}`,
    );
  }
  const allSentences = rows.reduce((s, r) => s + r.sentences, 0);
  const allWords = rows.reduce((s, r) => s + r.sentences * r.wordsPerSentence, 0);
  const firstMax = Math.max(...rows.map((r) => r.firstWords));
  const firstMean = rows.reduce((s, r) => s + r.firstWords, 0) / rows.length;
  console.log(
    `all ${rows.length} levels: first paragraph ${firstMean.toFixed(1)} words on average (most ${firstMax}), ${(allWords / allSentences).toFixed(1)} words a sentence over ${allSentences} sentences`,
  );
  const over = rows.filter(
    (r) => r.firstWords >= MAX_FIRST_WORDS || r.wordsPerSentence >= MAX_SENTENCE_WORDS,
  );
  if (check && over.length) {
    for (const r of over)
      console.error(
        `${r.id}: first paragraph ${r.firstWords} words, ${r.wordsPerSentence.toFixed(1)} words a sentence`,
      );
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
