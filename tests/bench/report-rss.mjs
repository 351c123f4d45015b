// Preloaded into a measured process (node --import): writes its peak RSS in bytes to
// the file named by WIRE_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.WIRE_RSS_FILE)
    writeFileSync(process.env.WIRE_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
