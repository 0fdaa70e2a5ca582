/** Isomorphic: one stored image as the API shows it (apart, so every view file can use it). */
export interface ImageView {
  id: string;
  /** App URL of the stored bytes (never a provider URL). */
  url: string;
  /** App URL of a WebP thumbnail, for grids. */
  thumbnailUrl: string;
  width: number;
  height: number;
  contentType: string;
  byteSize: number;
  index: number;
  /** The owner's pick. */
  starred: boolean;
  /** The owner's note on this image (≤ 2,000 characters). */
  note: string | null;
}
