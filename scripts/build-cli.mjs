// Bundles the command line (src/cli/main.ts) into one file, out/cli/index.mjs, so that starting it
// costs one parse of plain JavaScript instead of tsx compiling a hundred TypeScript files (issue
// #10: `check` on an empty file took ~0.8 s through tsx). Run by `npm run build`, and by
// scripts/cli.mjs when the bundle is missing or older than a source file.
//
// better-sqlite3-multiple-ciphers stays a package (a native module). exceljs, iconv-lite and yauzl are CommonJS
// packages that take a large share of the start-up to load and that most commands never use
// (`check`, `units list`): each is replaced by a stand-in that requires the real package on first
// use. zod and the sources are bundled (ES modules, parsed once in one file).
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const BUNDLE = join(ROOT, 'out/cli/index.mjs')
const LAZY = ['exceljs', 'iconv-lite', 'yauzl']

const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (a) => ({
      path: a.path,
      namespace: 'lazy-package'
    }))
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (a) => ({
      loader: 'js',
      resolveDir: ROOT,
      // Every use in src is the default import (ExcelJS.Workbook, iconv.decode, yauzl.open).
      contents: `import { createRequire } from 'node:module'
let real
const load = () => (real ??= createRequire(import.meta.url)(${JSON.stringify(a.path)}))
export default new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() })
`
    }))
  }
}

// zod's namespace export (`z`) carries its error messages in 48 languages (~300 KB of the bundle's
// ~800 KB, compiled at every start). The app never uses them: its messages are its own, in
// Vietnamese. The locales module is replaced by an empty one, so `z.locales` is empty here.
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (a) =>
      a.importer.includes('/zod/') ? { path: a.path, namespace: 'no-zod-locales' } : undefined
    )
    b.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ loader: 'js', contents: '' }))
  }
}

export async function buildCli() {
  await build({
    entryPoints: { index: join(ROOT, 'src/cli/main.ts') },
    // What is imported on first use (the Word layout and the docx package) goes to a chunk of its
    // own, read only by the commands that write a .docx.
    outdir: dirname(BUNDLE),
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    // Stack traces of an unexpected error still name the source files.
    sourcemap: 'linked',
    external: ['better-sqlite3-multiple-ciphers'],
    plugins: [lazyPackages, noZodLocales],
    // The bundled CommonJS parts (none today but zod's) may call require.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    },
    logLevel: 'warning'
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now()
  await buildCli()
  console.log(`out/cli/index.mjs (${Math.round(performance.now() - t0)} ms)`)
}
