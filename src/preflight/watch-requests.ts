// Requests the page made that failed (a missing image, font or stylesheet),
// recorded while it loads. Requests the loader refused on purpose (outside
// the project) are its own list, not failures.
import type { Page } from "puppeteer-core";

export interface FailedRequest {
  url: string;
  error: string;
}

export function watchFailedRequests(page: Page): FailedRequest[] {
  const failed: FailedRequest[] = [];
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    if (!/BLOCKED_BY_CLIENT/i.test(error)) failed.push({ url: request.url(), error });
  });
  page.on("requestfinished", (request) => {
    const status = request.response()?.status() ?? 0;
    if (status >= 400) failed.push({ url: request.url(), error: `HTTP ${status}` });
  });
  return failed;
}
