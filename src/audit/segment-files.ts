// Segment files of the local audit log: `segment-<first seq>.jsonl`, sorted by
// name. Reading is streamed (forwards, in chunks) or from the end backwards,
// so no caller ever holds a whole segment in memory.
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const segmentName = /^segment-(\d{12})\.jsonl$/;
/** A longer line is not ours (the writer's records are a few KB); reading stops there. */
export const maxLineBytes = 16 * 1024 * 1024;

export interface SegmentFile {
  name: string;
  path: string;
  firstSeq: number;
}

export function segmentFileName(firstSeq: number): string {
  return `segment-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

export async function listSegments(dir: string): Promise<SegmentFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .flatMap((name) => {
      const m = segmentName.exec(name);
      return m ? [{ name, path: join(dir, name), firstSeq: Number(m[1]) }] : [];
    })
    .sort((a, b) => a.firstSeq - b.firstSeq);
}

export interface LineAt {
  line: Buffer;
  /** 1-based line number in its segment. */
  lineNo: number;
  /** False for a last line without its newline (a torn write). */
  complete: boolean;
}

/** Every line of a file, streamed; the buffers are views valid until the next iteration. */
export async function* readLines(path: string, chunkBytes = 1024 * 1024): AsyncGenerator<LineAt> {
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  let rest: Buffer | undefined;
  let lineNo = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      yield { line: buf.subarray(start, nl), lineNo: ++lineNo, complete: true };
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : undefined;
    if (rest && rest.length > maxLineBytes) {
      stream.destroy();
      yield { line: rest.subarray(0, 256), lineNo: ++lineNo, complete: false };
      return;
    }
  }
  if (rest && rest.length > 0) yield { line: rest, lineNo: ++lineNo, complete: false };
}

/**
 * Complete lines from the end of a file backwards, newest first, reading
 * `chunkBytes` at a time and at most `maxBytes` in all. A last line without
 * its newline comes first, flagged incomplete.
 */
export async function* readLinesBackwards(path: string, maxBytes: number, chunkBytes = 64 * 1024): AsyncGenerator<{ line: Buffer; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let end = size;
    let carry = Buffer.alloc(0);
    let first = true;
    let read = 0;
    while (end > 0 && read < maxBytes) {
      const start = Math.max(0, end - chunkBytes);
      const chunk = Buffer.alloc(end - start);
      await handle.read(chunk, 0, chunk.length, start);
      read += chunk.length;
      let buf = Buffer.concat([chunk, carry]);
      if (first) {
        if (buf.length > 0 && buf[buf.length - 1] !== 10) {
          const nl = buf.lastIndexOf(10);
          if (nl === -1 && start > 0) {
            carry = buf;
            end = start;
            continue;
          }
          yield { line: Buffer.from(buf.subarray(nl + 1)), complete: false };
          buf = buf.subarray(0, nl + 1);
        }
        if (buf.length > 0 && buf[buf.length - 1] === 10) buf = buf.subarray(0, buf.length - 1);
        first = false;
      }
      // Every line after the first newline in buf is complete; the part before may continue further back.
      let stop = buf.length;
      for (let nl = buf.lastIndexOf(10, stop - 1); nl !== -1; nl = stop > 0 ? buf.lastIndexOf(10, stop - 1) : -1) {
        yield { line: Buffer.from(buf.subarray(nl + 1, stop)), complete: true };
        stop = nl;
      }
      carry = Buffer.from(buf.subarray(0, stop));
      end = start;
      if (start === 0 && carry.length > 0) yield { line: carry, complete: true };
    }
  } finally {
    await handle.close();
  }
}

/** The first line of a file (reads at most 64 KB). */
export async function readFirstLine(path: string): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    return nl === -1 ? undefined : buf.subarray(0, nl);
  } finally {
    await handle.close();
  }
}
