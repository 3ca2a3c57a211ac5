import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The documents embed Noto Serif SC. Only the two weights in use are shipped (as an extra
 * resource, forge.config.ts); they are copied from the npm package after every install rather
 * than kept in the repository, so the repository stays small and the copies match the package.
 */
export const SHIPPED_FONTS = [
  ['400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC_400Regular.ttf'],
  ['700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC_700Bold.ttf'],
  ['LICENSE', 'LICENSE-NotoSerifSC.txt'],
] as const;

export function copyFonts(projectDir: string): string[] {
  const from = path.join(projectDir, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
  const to = path.join(projectDir, 'resources', 'fonts');
  mkdirSync(to, { recursive: true });
  return SHIPPED_FONTS.map(([source, target]) => {
    copyFileSync(path.join(from, source), path.join(to, target));
    return path.join(to, target);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const copied = copyFonts(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
  console.log(`fonts: ${copied.length} files in resources/fonts`);
}
