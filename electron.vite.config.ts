import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const shared = resolve(__dirname, 'src/shared')

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // Runtime dependencies stay in node_modules (electron-vite 5's default, spelled out; the
      // externalizeDepsPlugin() it replaces is deprecated).
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
        external: ['better-sqlite3-multiple-ciphers']
      }
    }
  },
  preload: {
    // A sandboxed preload must be one CommonJS file that requires nothing but electron:
    // bundle everything and emit CJS. electron-vite 5 externalizes package.json dependencies
    // by default, in the preload too (an import of zod would stay a require('zod')), so off.
    resolve: { alias: { '@shared': shared } },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { '@shared': shared, '@renderer': resolve(__dirname, 'src/renderer') } },
    plugins: [vue()],
    build: {
      // electron-vite leaves the renderer unminified by default; the page loads faster minified.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
