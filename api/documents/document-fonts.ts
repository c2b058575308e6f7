import path from 'node:path';

const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

/**
 * The fonts of generated documents: Tinos, metrically compatible with Times New Roman (which Decree 30/2020/NĐ-CP
 * prescribes for administrative documents) and complete for Vietnamese. TrueType files from the npm package, so
 * no system font is needed.
 */
export const DOCUMENT_FONTS = {
  regular: path.join(dir, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(dir, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
} as const;
