/** What a page costs in the browser, as the benches that look at big pages count it. */

export function domNodes(page) {
  return page.evaluate(() => document.getElementsByTagName("*").length);
}

/** Counts every image response the page received and its body bytes as sent (encoded). */
export function watchImages(page) {
  let images = 0;
  let bytes = 0;
  page.on("requestfinished", async (request) => {
    if (request.resourceType() !== "image") return;
    images++;
    bytes += (await request.sizes()).responseBodySize;
  });
  return { total: () => ({ images, imageKb: bytes / 1000 }) };
}
