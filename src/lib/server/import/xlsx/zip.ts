import yauzl from 'yauzl';
import {
  MAX_COMPRESSION_RATIO,
  MAX_ENTRY_BYTES,
  MAX_UNPACKED_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECKED_FROM_BYTES,
  Refused,
  refusals
} from '../limits';

/**
 * An .xlsx file is a ZIP archive. yauzl reads its central directory (the list of files with
 * their stored and unpacked sizes) without unpacking anything, so a "zip bomb" is refused
 * from its declared sizes alone; and while a part is unpacked, yauzl stops as soon as it
 * yields more bytes than declared, so a file that lies about its sizes is refused too.
 */
export interface Workbook {
  has(path: string): boolean;
  /** Unpacks one part, handing its bytes over piece by piece. */
  read(path: string, onChunk: (chunk: Buffer) => void): Promise<void>;
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let unpacked = 0;
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        if (entry.isEncrypted()) throw new Refused(refusals.encrypted());
        const size = entry.uncompressedSize;
        const ratio = size / Math.max(1, entry.compressedSize);
        if (size >= RATIO_CHECKED_FROM_BYTES && ratio > MAX_COMPRESSION_RATIO)
          throw new Refused(refusals.overCompressed(ratio));
        unpacked += size;
        if (size > MAX_ENTRY_BYTES || unpacked > MAX_UNPACKED_BYTES)
          throw new Refused(refusals.unpacksTooLarge(Math.max(size, unpacked)));
        entries.set(entry.fileName.replace(/^\//, ''), entry);
        zip.readEntry();
      } catch (error) {
        zip.close();
        reject(error);
      }
    });
    zip.readEntry();
  });
}

/** Opens the archive and checks every part's declared size; refuses before unpacking. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false
    });
  } catch {
    throw new Refused(refusals.notAWorkbook());
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) throw new Refused(refusals.tooManyParts());
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await readEntries(zip);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(refusals.notAWorkbook());
  }
  return {
    has: (path) => entries.has(path),
    async read(path, onChunk) {
      const entry = entries.get(path);
      if (!entry) throw new Refused(refusals.notAWorkbook());
      let stream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch {
        throw new Refused(refusals.notAWorkbook());
      }
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => {
          try {
            onChunk(chunk);
          } catch (error) {
            stream.destroy();
            reject(error);
          }
        });
        stream.on('error', () => reject(new Refused(refusals.notAWorkbook())));
        stream.on('end', () => resolve());
      });
    }
  };
}
