/**
 * The package's command (`bin`): `init` writes the app's identity into package.json, anything else
 * is the audit's command line (which names its own usage problems). Each is a host of its own.
 */
import { run as runAudit } from './hosts/audit/cli.js';
import { run as runInit } from './hosts/init/cli.js';

export function run(): void {
  const args = process.argv.slice(2);
  if (args[0] === 'init') runInit(args.slice(1));
  else runAudit();
}
