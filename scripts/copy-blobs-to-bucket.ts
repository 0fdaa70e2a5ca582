import { localBlobDirectory, objectStorageSettings } from "@/lib/env";
import { copyBlobs } from "@/lib/storage/copy-blobs";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";

/**
 * `npm run storage:copy-to-bucket`: copies DATA_DIR/blobs (default .data/blobs) into the bucket the
 * S3_* variables name, before switching instances over to it. Safe to run again; exits 1 when a
 * file was damaged and left out.
 */

const settings = objectStorageSettings();
if (!settings) {
  console.error(
    "Set S3_BUCKET (and S3_ENDPOINT, S3_REGION, credentials as needed) to name the target bucket.",
  );
  process.exit(2);
}
const source = localBlobDirectory();
console.log(
  `Copying ${source} to bucket "${settings.bucket}"${settings.endpoint ? ` at ${settings.endpoint}` : ""}`,
);
let lastPrinted = 0;
const report = await copyBlobs(source, createS3BlobStore(settings), (done, total) => {
  if (done === total || Date.now() - lastPrinted > 2_000) {
    lastPrinted = Date.now();
    console.log(`  ${done}/${total}`);
  }
});
console.log(`Copied ${report.copied}, already there ${report.skipped}, damaged ${report.corrupt.length}`);
for (const key of report.corrupt) console.error(`  damaged, not copied: ${key}`);
process.exit(report.corrupt.length > 0 ? 1 : 0);
