// Layering is checked, not hoped for (CONVENTIONS.md §9): each layer may import only what it
// is allowed to. Imports are read from the source text of every file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const src = join(root, 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|vue)$/.test(name) ? [p] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm
  )) {
    found.push(m[1] ?? m[2] ?? m[3] ?? m[4])
  }
  return found
}

/** The layer an import lands in: a src folder for relative and alias imports, else the package. */
function target(file: string, spec: string): { layer: string | null; pkg: string | null } {
  if (spec.startsWith('@shared/')) return { layer: 'shared', pkg: null }
  if (spec.startsWith('@renderer/')) return { layer: 'renderer', pkg: null }
  if (spec.startsWith('.')) {
    const abs = resolve(dirname(file), spec)
    // Seed data in resources/*.json is data, readable from the shared layer.
    if (relative(root, abs).startsWith('resources') && abs.endsWith('.json'))
      return { layer: 'resources', pkg: null }
    const rel = relative(src, abs)
    return { layer: rel.startsWith('..') ? 'outside' : rel.split(/[\\/]/)[0], pkg: null }
  }
  const pkg = spec.startsWith('node:')
    ? 'node:'
    : spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/')
  return { layer: null, pkg }
}

const rules: Record<string, { layers: string[]; forbidPkgs: (pkg: string) => boolean }> = {
  shared: { layers: ['shared', 'resources'], forbidPkgs: (p) => p !== '' },
  core: {
    layers: ['core', 'shared'],
    forbidPkgs: (p) => ['electron', 'vue', 'pinia', 'vue-router', 'element-plus'].includes(p)
  },
  main: {
    layers: ['main', 'core', 'shared'],
    forbidPkgs: (p) => ['vue', 'pinia', 'element-plus'].includes(p)
  },
  preload: { layers: ['preload', 'shared'], forbidPkgs: (p) => p !== 'electron' },
  renderer: {
    layers: ['renderer', 'shared'],
    forbidPkgs: (p) =>
      p === 'node:' || ['electron', 'better-sqlite3-multiple-ciphers', 'exceljs'].includes(p)
  },
  cli: {
    layers: ['cli', 'core', 'shared'],
    forbidPkgs: (p) => ['electron', 'vue', 'pinia'].includes(p)
  }
}

export function violations(): string[] {
  const found: string[] = []
  for (const file of files(src)) {
    const layer = relative(src, file).split(/[\\/]/)[0]
    const rule = rules[layer]
    if (!rule) {
      found.push(`${relative(root, file)}: not in a known layer`)
      continue
    }
    for (const spec of imports(file)) {
      const t = target(file, spec)
      if (t.layer !== null && !rule.layers.includes(t.layer))
        found.push(`${relative(root, file)} imports ${spec} (${layer} → ${t.layer})`)
      if (
        t.pkg !== null &&
        rule.forbidPkgs(t.pkg) &&
        !(layer === 'shared' && spec.startsWith('.'))
      ) {
        found.push(`${relative(root, file)} imports package ${spec} (not allowed in ${layer})`)
      }
    }
  }
  return found
}

describe('layering', () => {
  it('keeps every layer to its allowed imports', () => {
    expect(violations()).toEqual([])
  })

  it('would catch a renderer importing the core (the check can fail)', () => {
    const fake = join(src, 'renderer', 'x.ts')
    expect(target(fake, '../core/db/connection').layer).toBe('core')
    expect(rules.renderer.layers.includes('core')).toBe(false)
    expect(rules.core.forbidPkgs('electron')).toBe(true)
    expect(rules.shared.forbidPkgs('node:')).toBe(true)
    expect(imports(join(src, 'core', 'index.ts'))).toContain('node:fs')
  })
})
