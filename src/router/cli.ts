// `splitwg` on the router (/usr/sbin/splitwg): see docs/cli.md.
import { realEnv, runCommand } from './index';

exit(runCommand(realEnv(), ARGV, {
	out: (s: string) => { print(s); },
	err: (s: string) => { warn(s); },
}));
