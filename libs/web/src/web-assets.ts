import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the pages, styles and browser scripts are. They sit in `libs/web/assets`, next to `src`:
 * jest runs this file from `libs/web/src` and `npm start` from `dist/libs/web/src`, where the build
 * script copies the folder, so the same relative path serves both. A missing folder fails at start,
 * naming where it looked, rather than answering 404 for every page.
 */
export function webAssetsDir(): string {
  const dir = join(__dirname, '..', 'assets');
  if (!existsSync(join(dir, 'layout.html'))) {
    throw new Error(`The web pages are missing: expected them in ${dir} (npm run build copies libs/web/assets there)`);
  }
  return dir;
}

/** ECharts' browser builds, served from the installed package rather than copied into the repository. */
export function echartsDistDir(): string {
  return dirname(require.resolve('echarts/dist/echarts.esm.min.mjs'));
}
