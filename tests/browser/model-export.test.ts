/**
 * A trained network leaves the game as a TensorFlow.js model (model.json and weights.bin from the
 * Share dialog) and comes back in a fresh browser through Import, picked together, as the same
 * blocks giving the same votes; a model with a layer ConvBlocks lacks is refused by name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { dragBlockUnder, editorTexts } from './blockly-drag';
import { collectErrors, useChromium } from './chromium';
import { insideVotes } from './inside-votes';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const folder = mkdtempSync(join(tmpdir(), 'convblocks-model-'));

const votes = insideVotes;

/** Opens Import on a level and picks `files` at once. */
async function importFiles(page: Page, files: string[]) {
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('#import-file').setInputFiles(files);
}

describe('a network exported as a TensorFlow.js model', () => {
  it('comes back through Import as the same blocks giving the same votes', async () => {
    const sender = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await sender.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}#/level/slash-2x2`);
    await page.getByRole('button', { name: 'Start building' }).click();
    await page.locator('.blocklyFlyout g.convblocks_dense').first().waitFor();
    await dragBlockUnder(page, 'dense', 'flatten');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 90_000 })
      .toMatch(/^Level complete/);
    const sentVotes = await votes(page);
    const sentBlocks = await editorTexts(page, { sorted: true });

    await page.getByRole('button', { name: 'Share' }).click();
    const saved: Record<string, string> = {};
    const downloads = new Promise<void>((resolve) => {
      page.on('download', async (download) => {
        const path = join(folder, download.suggestedFilename());
        await download.saveAs(path);
        saved[download.suggestedFilename()] = path;
        if (Object.keys(saved).length === 2) resolve();
      });
    });
    await page.getByRole('button', { name: 'TensorFlow.js model' }).click();
    await downloads;
    expect(Object.keys(saved).sort()).toEqual(['model.json', 'weights.bin']);
    await expect
      .poll(() => page.getByRole('dialog').textContent())
      .toContain('Saved model.json and weights.bin');
    await page.screenshot({ path: 'screenshots/share-dialog-model-export.png' });
    const modelJson = JSON.parse(readFileSync(saved['model.json'] as string, 'utf8'));
    expect(modelJson.modelTopology.class_name).toBe('Sequential');

    const receiver = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const other = await receiver.newPage();
    const otherErrors = collectErrors(other);
    await other.goto(`${baseUrl}#/level/slash-2x2`);
    await other.getByRole('button', { name: 'Start building' }).click();
    await importFiles(other, [saved['model.json'] as string, saved['weights.bin'] as string]);
    const question = other.getByRole('dialog');
    await expect.poll(() => question.textContent(), { timeout: 30_000 }).toMatch(/trained/);
    await question.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => editorTexts(other, { sorted: true }), { timeout: 30_000 }).toEqual(sentBlocks);
    await expect.poll(() => votes(other), { timeout: 30_000 }).toEqual(sentVotes);

    // The same model with a Dropout layer: refused by name, and the network on screen stays.
    const spoiled = structuredClone(modelJson);
    spoiled.modelTopology.config.layers.splice(1, 0, { class_name: 'Dropout', config: { rate: 0.5 } });
    const spoiledPath = join(folder, 'dropout.json');
    writeFileSync(spoiledPath, JSON.stringify(spoiled));
    await importFiles(other, [spoiledPath, saved['weights.bin'] as string]);
    await expect
      .poll(() => other.locator('#status').textContent(), { timeout: 30_000 })
      .toContain('ConvBlocks has no "Dropout" layer');
    expect(await editorTexts(other, { sorted: true })).toEqual(sentBlocks);
    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
    await sender.close();
    await receiver.close();
  });
});
