// Fails when the committed generated files differ from what `npm run build`
// just produced (CI runs this right after the build on a fresh clone).
import { execFileSync } from 'node:child_process';
const paths = ['files', 'luci-app-splitwg', 'prometheus-node-exporter-ucode-splitwg'];
const out = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' });
if (out.trim()) {
	console.error('generated files differ from a fresh build (commit the output of `npm run build`):\n' + out);
	console.error(execFileSync('git', ['diff', '--stat', '--', ...paths], { encoding: 'utf8' }));
	process.exit(1);
}
console.log('generated files: match a fresh build');
