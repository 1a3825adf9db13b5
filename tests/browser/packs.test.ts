/**
 * A pack for a class, end to end in real Chromium (issue 17, points 5 and 6): a teacher copies a
 * built-in level, packs it with another under a title and gets the pack's link; a fresh browser
 * opens the link, finds the pack on the map with its own path, wins its first level and exports a
 * result file; the teacher's Class results screen opens that file with a hand-written one (and a
 * bad one, refused by name) and shows the table, and the CSV download has the right rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { dragBlockUnder } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { trainToVerdict } from './win-level';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const folder = mkdtempSync(join(tmpdir(), 'convblocks-packs-'));

/** Clicks `name` and saves the download it starts; returns the file's path and suggested name. */
async function download(page: Page, name: string): Promise<{ path: string; filename: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { path, filename: file.suggestedFilename() };
}

/** The teacher's pack: a copy of slash-2x2 first, then the built-in four-ways-2x2; returns its link. */
async function makePack(page: Page): Promise<string> {
  await page.goto(baseUrl, { waitUntil: 'commit' });
  await page.getByLabel('Start from a built-in level').selectOption('slash-2x2');
  await page.getByRole('button', { name: 'Make a copy to edit', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Back to map' }).click();
  await page.getByRole('button', { name: 'Make a pack' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Slashes for 3B');
  await page.getByLabel('Four ways to draw a line (built-in level 2)').check();
  await page.getByLabel('Copy of Backslash or slash? (my level)').check();
  // Ticked second, the copy is moved up to open the pack.
  await page.getByRole('button', { name: 'Move Copy of Backslash or slash? up' }).click();
  expect(await page.locator('ol.pack-choices li span').allTextContents()).toEqual([
    '1. Copy of Backslash or slash?',
    '2. Four ways to draw a line',
  ]);
  await page.screenshot({ path: 'screenshots/pack-maker-1280.png' });
  const link = await page.getByLabel('Pack link').inputValue();
  expect(link).toMatch(/#pack=[A-Za-z0-9_-]+$/);
  const file = await download(page, 'Save pack file');
  expect(file.filename).toBe('slashes-for-3b.pack.json');
  expect(JSON.parse(readFileSync(file.path, 'utf8'))).toMatchObject({
    kind: 'convblocks/pack',
    version: 1,
    title: 'Slashes for 3B',
    levels: [{ id: 'slash-2x2-copy' }, { id: 'four-ways-2x2' }],
  });
  await page.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** A student opens the link, wins the pack's first level and exports a result file; returns its path. */
async function playPack(page: Page, link: string): Promise<string> {
  // A fresh browser loads every module of the dev server: wait for the page's own answer, not "load".
  await page.goto(link.replace(/^.*#/, `${baseUrl}#`), { waitUntil: 'commit' });
  const question = page.getByRole('dialog');
  await expect
    .poll(() => question.textContent(), { timeout: 90_000 })
    .toMatch(
      /This is a pack of 2 levels: 'Slashes for 3B' \(Copy of Backslash or slash\?, Four ways to draw a line\)/,
    );
  await page.getByRole('button', { name: 'Open' }).click();
  const pack = page.getByRole('region', { name: 'Pack: Slashes for 3B' });
  const first = pack.getByRole('button', { name: 'Level 1: Copy of Backslash or slash?, not won yet' });
  await first.waitFor();
  expect(
    await pack.getByRole('button', { name: /^Level 2: Four ways to draw a line, locked$/ }).count(),
  ).toBe(1);
  await pack.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/pack-map-new-1280.png' });
  await first.click();
  await page.getByRole('button', { name: 'Start building' }).click();
  await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
  await dragBlockUnder(page, 'dense', 'flatten');
  expect(await trainToVerdict(page)).toMatch(/^Level complete/);
  // Back on the pack's path: the first level won, the second open; the built-in path untouched.
  await page.getByRole('button', { name: 'Back to map' }).first().click();
  await pack
    .getByRole('button', { name: /^Level 1: Copy of Backslash or slash\?, won with [1-3] of 3 stars$/ })
    .waitFor();
  await pack.getByRole('button', { name: 'Level 2: Four ways to draw a line, not won yet' }).waitFor();
  expect(await page.getByRole('button', { name: 'Level 1: Backslash or slash?, not won yet' }).count()).toBe(
    1,
  );
  await pack.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/pack-map-1280.png' });
  // The map lays itself out for the screen it is drawn on: drawn again on a phone's.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => {
    const hash = location.hash;
    location.hash = '#/';
    setTimeout(() => {
      location.hash = hash;
    });
  });
  await pack.locator('.map-portrait').waitFor();
  await pack.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/pack-map-390.png' });
  await page.getByRole('button', { name: 'Export my results for Slashes for 3B' }).click();
  await page.getByLabel('Your name').fill('Ada');
  const file = await download(page, 'Save results file');
  expect(file.filename).toBe('slashes-for-3b-ada.results.json');
  return file.path;
}

describe('a pack of levels for a class', () => {
  it('goes from the teacher to a student and back as a class table and a CSV file', {
    timeout: 2 * LONG_TEST_MS,
  }, async () => {
    const teacher = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const teacherPage = await teacher.newPage();
    // A busy machine's dev server can take a while to hand a fresh page every module.
    teacherPage.setDefaultTimeout(90_000);
    const teacherErrors = collectErrors(teacherPage);
    const link = await makePack(teacherPage);

    const student = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const studentPage = await student.newPage();
    studentPage.setDefaultTimeout(90_000);
    const studentErrors = collectErrors(studentPage);
    const resultPath = await playPack(studentPage, link);
    const ada = JSON.parse(readFileSync(resultPath, 'utf8'));
    expect(ada).toMatchObject({
      kind: 'convblocks/results',
      version: 1,
      pack: { title: 'Slashes for 3B' },
      student: 'Ada',
      levels: [
        {
          id: 'slash-2x2-copy',
          won: true,
          params: 10,
          network: { layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] },
        },
        { id: 'four-ways-2x2', won: false, stars: 0, steps: null, params: null },
      ],
    });

    // A second student, written by hand, whose name would be a formula in a spreadsheet.
    const bob = {
      ...ada,
      student: '=Bob, "the builder"',
      levels: [
        { ...ada.levels[0], won: false, stars: 0, steps: null, params: null, accuracy: 0.5 },
        { ...ada.levels[1], won: true, stars: 2, steps: 40, params: 30, accuracy: 1 },
      ],
    };
    const bobPath = join(folder, 'bob.results.json');
    writeFileSync(bobPath, JSON.stringify(bob));
    const badPath = join(folder, 'broken.results.json');
    writeFileSync(badPath, JSON.stringify({ ...ada, levels: [{ ...ada.levels[0], stars: 7 }] }));

    await teacherPage.goto(`${baseUrl}#/class`, { waitUntil: 'commit' });
    await teacherPage.getByLabel(/result files/).setInputFiles([resultPath, bobPath, badPath]);
    const table = teacherPage.locator('table.class-table');
    await table.waitFor();
    expect(await teacherPage.locator('.class-errors li').allTextContents()).toEqual([
      'broken.results.json: levels[0].stars: expected a number at most 3 but got 7',
    ]);
    const rows = await table
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Student', '1. Copy of Backslash or slash?', '2. Four ways to draw a line', 'Levels won', 'Stars'],
      ['=Bob, "the builder"', 'not won', '★★☆ 30 params', '1', '2'],
      ['Ada', expect.stringMatching(/^★+☆* 10 params$/), 'not won', '1', String(ada.levels[0].stars)],
      ['Won by', '1 of 2', '1 of 2', '', ''],
    ]);
    expect(await teacherPage.locator('.class-stuck').textContent()).toBe(
      'Most stuck on: Copy of Backslash or slash? (won by 1 of 2), Four ways to draw a line (won by 1 of 2).',
    );
    await teacherPage.screenshot({ path: 'screenshots/class-table-1280.png' });
    const csv = await download(teacherPage, 'Save Slashes for 3B as CSV');
    expect(csv.filename).toBe('slashes-for-3b-results.csv');
    expect(readFileSync(csv.path, 'utf8').split('\r\n')).toEqual([
      'student,Copy of Backslash or slash?: stars,Copy of Backslash or slash?: parameters,Four ways to draw a line: stars,Four ways to draw a line: parameters,levels won,stars',
      `"'=Bob, ""the builder""",0,,2,30,1,2`,
      `Ada,${ada.levels[0].stars},10,0,,1,${ada.levels[0].stars}`,
      'students who won it,1,,1,,,',
      '',
    ]);
    await teacherPage.setViewportSize({ width: 390, height: 844 });
    await teacherPage.screenshot({ path: 'screenshots/class-table-390.png', fullPage: true });
    expect(teacherErrors).toEqual([]);
    expect(studentErrors).toEqual([]);
    await teacher.close();
    await student.close();
  });
});
