import type { Services } from '../services.js';

/**
 * The dead-letter list is the notify queue's failed set (also visible in Bull Board);
 * a chair's `skicka om` retries every message in it. Sent markers keep retries from doubling.
 */
export async function retryFailedNotifications(s: Services): Promise<number> {
  const failed = await s.queues.notify.getFailed(0, 999);
  let retried = 0;
  for (const job of failed) {
    try {
      await job.retry('failed');
      retried++;
    } catch {
      // Removed or retried by someone else meanwhile: nothing to do.
    }
  }
  return retried;
}
