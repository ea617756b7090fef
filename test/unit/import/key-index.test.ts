import { expect, it } from 'vitest'
import { KeyIndex } from '../../../src/core/import/key-index'

it('finds what was added, across many growths, and nothing else', () => {
  const index = new KeyIndex<number>()
  const n = 20_000
  for (let i = 0; i < n; i++) {
    expect(index.get(`k${i}`)).toBeUndefined()
    index.set(`k${i}`, i)
  }
  expect(index.size).toBe(n)
  for (let i = 0; i < n; i++) expect(index.get(`k${i}`)).toBe(i)
  expect(index.get('k-1')).toBeUndefined()
  expect(index.get('')).toBeUndefined()
})

it('replaces the value of a key added again', () => {
  const index = new KeyIndex<string>()
  index.set('00012345', 'first')
  index.set('00012345', 'second')
  expect(index.size).toBe(1)
  expect(index.get('00012345')).toBe('second')
  // Identifiers are text: leading zeros make another key.
  expect(index.get('12345')).toBeUndefined()
})

it('tells apart keys whose hashes collide', () => {
  // "Aa" and "BB" have the same UTF-16 sum; pairs built from them collide often in weak hashes,
  // and with 2,048 keys in a small table the probe chains cross.
  const index = new KeyIndex<number>()
  const keys: string[] = []
  for (let i = 0; i < 2048; i++)
    keys.push(Array.from({ length: 11 }, (_, b) => ((i >> b) & 1 ? 'Aa' : 'BB')).join(''))
  keys.forEach((k, i) => index.set(k, i))
  keys.forEach((k, i) => expect(index.get(k)).toBe(i))
  expect(index.get('AaAa')).toBeUndefined()
})

it('keeps Vietnamese keys apart by their diacritics', () => {
  const index = new KeyIndex<number>()
  index.set('nguyễn văn an|1980-01-01', 1)
  index.set('nguyễn văn ân|1980-01-01', 2)
  expect(index.get('nguyễn văn an|1980-01-01')).toBe(1)
  expect(index.get('nguyễn văn ân|1980-01-01')).toBe(2)
  expect(index.get('nguyen van an|1980-01-01')).toBeUndefined()
})
