import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * The same store, but its reads wait until `release()`: a contact sheet drawn from it holds its
 * render slot meanwhile. `reading` settles once the first read began.
 */
export function stalledReads(store: BlobStore): {
  store: BlobStore;
  reading: Promise<void>;
  release: () => void;
} {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let began!: () => void;
  const reading = new Promise<void>((resolve) => (began = resolve));
  const stalled: BlobStore = {
    ...store,
    get: async (key) => {
      began();
      await released;
      return store.get(key);
    },
  };
  return { store: stalled, reading, release };
}
