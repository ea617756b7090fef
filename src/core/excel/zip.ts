// The zip side of an .xlsx, for sniff (which inspects the directory before anything is parsed)
// and the fast reader (which streams the parts it needs): open, walk the central directory, and
// inflate an entry, in large pieces. What is too much (entries, sizes, ratios) is for the callers
// to say: they pass the limit and the error to throw beyond it.
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import yauzl from 'yauzl'

export type ZipFile = yauzl.ZipFile
export type ZipEntry = yauzl.Entry

/** An entry neither stored nor deflated, or encrypted: not one this module inflates. */
class UnsupportedEntry extends Error {}

export function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) reject(err ?? new Error('zip'))
        else resolve(zip)
      }
    )
  })
}

/** Walks the central directory in order; `onEntry` may throw to stop the walk (the promise rejects with it). */
export function eachEntry(zip: ZipFile, onEntry: (entry: ZipEntry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (e: ZipEntry) => {
      try {
        onEntry(e)
      } catch (err) {
        // onEntry refuses with a CoreError; anything else thrown is wrapped so callers always get an Error.
        reject(err instanceof Error ? err : new Error(String(err)))
        return
      }
      zip.readEntry()
    })
    zip.readEntry()
  })
}

const INFLATE_CHUNK = 256 * 1024
/** zlib passes the stream options on (its typings leave them out): up to 4 inflated pieces wait ready. */
const INFLATE_OPTIONS = {
  chunkSize: INFLATE_CHUNK,
  readableHighWaterMark: 4 * INFLATE_CHUNK,
  writableHighWaterMark: INFLATE_CHUNK
}

/**
 * An entry's bytes as they inflate. The inflating is done here rather than by yauzl, in large
 * pieces: with zlib's default 16 kB pieces the reader would wait on the thread pool at every one.
 * The inflater may also run a few pieces ahead of the reader (the default allows less than one),
 * so the next piece is usually ready when the scanner asks for it.
 */
export function entryStream(zip: ZipFile, entry: ZipEntry): Promise<NodeJS.ReadableStream> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    return Promise.reject(new UnsupportedEntry('compression'))
  return new Promise((resolve, reject) => {
    if (entry.isEncrypted()) {
      reject(new UnsupportedEntry('encrypted'))
      return
    }
    zip.openReadStream(entry, { decodeFileData: false }, (err, raw) => {
      if (err || !raw) {
        reject(err ?? new Error('entry'))
        return
      }
      if (entry.compressionMethod === 0) {
        resolve(raw)
        return
      }
      const inflate = createInflateRaw(INFLATE_OPTIONS)
      pipeline(raw, inflate, () => undefined)
      resolve(inflate)
    })
  })
}

/** An entry whole, as it inflates; `tooBig()` is thrown past `limit` bytes. */
export async function entryBytes(
  zip: ZipFile,
  entry: ZipEntry,
  limit: number,
  tooBig: () => Error
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let n = 0
  for await (const chunk of await entryStream(zip, entry)) {
    n += (chunk as Buffer).length
    if (n > limit) throw tooBig()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Reads an entry whole through yauzl (small ones only), checking its real size against the directory's. */
export function readEntry(
  zip: ZipFile,
  entry: ZipEntry,
  limit: number,
  tooBig: () => Error
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('entry'))
        return
      }
      const chunks: Buffer[] = []
      let n = 0
      stream.on('data', (c: Buffer) => {
        n += c.length
        if (n > limit) {
          stream.destroy()
          reject(tooBig())
          return
        }
        chunks.push(c)
      })
      stream.on('error', reject)
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

/** Drains an entry, counting its bytes: proves it inflates to what the directory says, and no further than `limit`. */
export function checkEntry(
  zip: ZipFile,
  entry: ZipEntry,
  limit: number,
  path: string,
  tooBig: () => Error
): Promise<void> {
  if (entry.compressionMethod === 8 && entry.compressedSize > 0 && !entry.isEncrypted())
    return checkDeflated(zip, entry, limit, path, tooBig)
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('entry'))
        return
      }
      let n = 0
      stream.on('data', (c: Buffer) => {
        n += c.length
        if (n > limit) {
          stream.destroy()
          reject(tooBig())
        }
      })
      stream.on('error', reject)
      stream.on('end', () => resolve())
    })
  })
}

const CHECK_CHUNK = 256 * 1024

/**
 * checkEntry for a deflated entry, as yauzl's stream would do it (local header checked, inflated
 * size equal to the directory's, the limit) but in large pieces read straight from the file: yauzl
 * reads and inflates 16 kB at a time, a thread-pool round trip each, and the shared strings of a
 * long list took tens of milliseconds here, mostly waiting.
 */
function checkDeflated(
  zip: ZipFile,
  entry: ZipEntry,
  limit: number,
  path: string,
  tooBig: () => Error
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => {
      if (err || !header) {
        reject(err ?? new Error('entry'))
        return
      }
      const raw = createReadStream(path, {
        start: header.fileDataStart,
        end: header.fileDataStart + entry.compressedSize - 1,
        highWaterMark: CHECK_CHUNK
      })
      const inflate = createInflateRaw({ chunkSize: CHECK_CHUNK })
      let n = 0
      let done = false
      const fail = (e: Error) => {
        if (done) return
        done = true
        raw.destroy()
        inflate.destroy()
        reject(e)
      }
      pipeline(raw, inflate, (e) => {
        if (e) fail(e)
        else if (n !== entry.uncompressedSize)
          fail(new Error('inflated size differs from the directory'))
        else if (!done) {
          done = true
          resolve()
        }
      })
      inflate.on('data', (c: Buffer) => {
        n += c.length
        // As yauzl: more bytes than the directory says is a corrupt entry; then the limit.
        if (n > entry.uncompressedSize) fail(new Error('inflated size differs from the directory'))
        else if (n > limit) fail(tooBig())
      })
    })
  })
}
