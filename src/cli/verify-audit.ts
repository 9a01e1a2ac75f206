// npm run verify-audit: checks the audit trail's hash chain and names the first broken link.
import postgres from 'postgres';
import { verifyAuditChain } from '../db/audit-chain.js';
import { openTarget } from '../db/target.js';
import { runCommand, say } from './command.js';

runCommand('verify-audit', async (config) => {
  const target = await openTarget(config, { exclusive: false, create: false });
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    const check = await verifyAuditChain(sql);
    if (check.ok) {
      say(`audit trail intact: ${check.head.events} events, chain head ${check.head.hash}`);
      return 0;
    }
    process.stderr.write(`audit trail BROKEN after ${check.checked} intact events: ${check.broken}\n`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
    await target.close();
  }
});
