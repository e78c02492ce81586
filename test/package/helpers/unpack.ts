// Unpacks an .ipk with the system's tar, as a router's opkg would read it:
// outer gzip'd tar → debian-binary, data.tar.gz, control.tar.gz.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const sh = (cmd: string, args: string[], opts: { cwd?: string } = {}) =>
	execFileSync(cmd, args, { encoding: 'utf8', ...opts });

export interface TarMember { name: string; mode: number; owner: string; size: number; dir: boolean }

/** `tar -tvzf` of a gzip'd tar, parsed. */
export function listTar(file: string): TarMember[] {
	return sh('tar', ['--numeric-owner', '-tvzf', file]).trimEnd().split('\n').map((line) => {
		const [perm, owner, size, , , ...rest] = line.split(/\s+/);
		const bits = perm.slice(1).split('');
		let mode = 0;
		for (const [i, c] of bits.entries()) if (c !== '-') mode |= 1 << (8 - i);
		return { name: rest.join(' '), mode, owner, size: Number(size), dir: perm[0] === 'd' };
	});
}

export interface Unpacked {
	outer: string[];
	debianBinary: string;
	data: TarMember[];
	dataDir: string;
	dataTarBytes: number;
	control: Map<string, { text: string; mode: number }>;
	fields: Map<string, string>;
}

export function unpackIpk(ipk: string, dir: string): Unpacked {
	fs.mkdirSync(dir, { recursive: true });
	const outer = sh('tar', ['-tzf', ipk]).trimEnd().split('\n');
	sh('tar', ['-xzf', ipk, '-C', dir]);
	const ctlDir = path.join(dir, 'control'), dataDir = path.join(dir, 'data');
	fs.mkdirSync(ctlDir);
	fs.mkdirSync(dataDir);
	sh('tar', ['-xzf', path.join(dir, 'control.tar.gz'), '-C', ctlDir]);
	sh('tar', ['-xpzf', path.join(dir, 'data.tar.gz'), '-C', dataDir]);
	const control = new Map<string, { text: string; mode: number }>();
	for (const m of listTar(path.join(dir, 'control.tar.gz'))) {
		if (m.dir) continue;
		control.set(m.name.replace(/^\.\//, ''), { text: fs.readFileSync(path.join(ctlDir, m.name), 'utf8'), mode: m.mode });
	}
	const fields = new Map<string, string>();
	let last = '';
	for (const line of (control.get('control')?.text ?? '').split('\n')) {
		if (line.startsWith(' ')) fields.set(last, `${fields.get(last)}\n${line}`);
		else if (line) {
			const i = line.indexOf(': ');
			last = line.slice(0, i);
			fields.set(last, line.slice(i + 2));
		}
	}
	return {
		outer,
		debianBinary: fs.readFileSync(path.join(dir, 'debian-binary'), 'utf8'),
		data: listTar(path.join(dir, 'data.tar.gz')),
		dataDir,
		dataTarBytes: Number(execFileSync('sh', ['-c', 'gzip -dc "$1" | wc -c', 'sh', path.join(dir, 'data.tar.gz')], { encoding: 'utf8' }).trim()),
		control,
		fields,
	};
}

/** Every file under dir: relative path → permission bits. */
export function treeModes(dir: string): Map<string, number> {
	const out = new Map<string, number>();
	const walk = (d: string, rel: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const r = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(path.join(d, e.name), r);
			else out.set(r, fs.statSync(path.join(d, e.name)).mode & 0o7777);
		}
	};
	walk(dir, '');
	return out;
}
