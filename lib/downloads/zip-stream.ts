import { Zip, ZipPassThrough } from "fflate";

export interface ZipEntry {
  name: string;
  /** Opened only when the archive reaches this entry, so one blob is read at a time. */
  open: () => Promise<ReadableStream<Uint8Array> | Uint8Array>;
}

/**
 * A streamed ZIP (stored, not deflated: images are compressed already). Entries are read one
 * after the other as the client pulls, so memory stays at about one chunk whatever the archive's size.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  let current: { file: ZipPassThrough; reader: ReadableStreamDefaultReader<Uint8Array> } | null = null;
  let modified = new Date();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      modified = new Date();
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      if (!current) {
        const entry = entries[next++];
        if (!entry) return zip.end();
        const file = new ZipPassThrough(entry.name);
        file.mtime = modified;
        zip.add(file);
        const data = await entry.open();
        if (data instanceof Uint8Array) return file.push(data, true);
        current = { file, reader: data.getReader() };
      }
      const { done, value } = await current.reader.read();
      if (done) {
        current.file.push(new Uint8Array(0), true);
        current = null;
      } else {
        current.file.push(value);
      }
    },
    cancel(reason) {
      return current?.reader.cancel(reason);
    },
  });
}
