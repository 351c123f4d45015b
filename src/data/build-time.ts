import { buildTimeFrom } from '../lib/publish';

/**
 * The time this build publishes as of: `WIRE_BUILD_TIME` (an ISO date-time, for tests and
 * for previewing an embargoed story) when set, else the moment the build started. Read
 * here and passed into src/lib, never read there.
 */
export function readBuildTime(): Date {
  return buildTimeFrom(process.env.WIRE_BUILD_TIME, new Date());
}
