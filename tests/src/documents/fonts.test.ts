import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../src/documents/pdf-engine';
import { fontCoverage, missingCharacters } from '../../../src/documents/font-coverage';

const root = path.resolve(import.meta.dirname, '../../..');
const fontsDir = path.join(root, 'resources', 'fonts');
const packageDir = path.join(root, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the packaged fonts (resources/fonts)', () => {
  it('are exactly the TTFs the documents use, byte for byte the font package’s files', () => {
    const ttfs = readdirSync(fontsDir)
      .filter((f) => f.endsWith('.ttf'))
      .sort();
    expect(ttfs).toEqual(Object.values(FONT_FILES).sort());
    expect(sha256(path.join(fontsDir, FONT_FILES.regular))).toBe(
      sha256(path.join(packageDir, '400Regular', FONT_FILES.regular)),
    );
    expect(sha256(path.join(fontsDir, FONT_FILES.bold))).toBe(
      sha256(path.join(packageDir, '700Bold', FONT_FILES.bold)),
    );
  });

  it('cover the characters of names and places, and say which rare ones they lack', () => {
    const covers = fontCoverage(readFileSync(path.join(fontsDir, FONT_FILES.regular)));
    // Common text, full-width punctuation, digits, and rare characters in Noto Serif SC.
    expect(missingCharacters('张伟 李娜 王芳，（２０２６）矛医调字第0001号。¥①', covers)).toEqual(
      [],
    );
    expect(missingCharacters('䶮龘堃喆赟㛃𬌗𫖯𬱖', covers)).toEqual([]);
    // 𠮷 (U+20BB7, CJK Extension B) and 𪚥 are not in the font: reported, not silently dropped.
    expect(missingCharacters('𠮷田 𪚥', covers)).toEqual(['𠮷', '𪚥']);
  });
});
