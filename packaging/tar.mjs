// A deterministic POSIX ustar writer: just what an .ipk needs (regular files
// and directories, owner 0:0, one fixed mtime, no user/group names — what
// ipkg-build gets from `tar --numeric-owner --mtime=…` under fakeroot).
// The archive is padded to tar's default 10240-byte record, as GNU tar does;
// ipkg-build's Installed-Size is the length of exactly that.
const BLOCK = 512;
const RECORD = 20 * BLOCK;

/** @typedef {{ name: string, mode: number, dir?: boolean, data?: Buffer }} TarEntry */

function octal(n, width) {
	const s = n.toString(8);
	if (s.length > width - 1) throw new Error(`tar: ${n} does not fit a ${width}-byte field`);
	return s.padStart(width - 1, '0') + '\0';
}

// ustar names: up to 100 bytes, or a prefix of up to 155 bytes + '/' + name.
function splitName(name) {
	if (Buffer.byteLength(name) <= 100) return ['', name];
	for (let i = name.lastIndexOf('/', name.length - 2); i > 0; i = name.lastIndexOf('/', i - 1)) {
		const prefix = name.slice(0, i), rest = name.slice(i + 1);
		if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return [prefix, rest];
	}
	throw new Error(`tar: path too long for ustar: ${name}`);
}

/** @param {TarEntry} e @param {number} mtime */
function header(e, mtime) {
	const h = Buffer.alloc(BLOCK);
	const [prefix, name] = splitName(e.name);
	const put = (off, s) => h.write(s, off, 'utf8');
	put(0, name);
	put(100, octal(e.mode & 0o7777, 8));
	put(108, octal(0, 8)); // uid
	put(116, octal(0, 8)); // gid
	put(124, octal(e.dir ? 0 : e.data.length, 12));
	put(136, octal(mtime, 12));
	put(148, '        '); // checksum is computed with this field blank
	put(156, e.dir ? '5' : '0');
	put(257, 'ustar\0');
	put(263, '00');
	put(329, octal(0, 8)); // devmajor
	put(337, octal(0, 8)); // devminor
	put(345, prefix);
	let sum = 0;
	for (const b of h) sum += b;
	put(148, sum.toString(8).padStart(6, '0') + '\0 ');
	return h;
}

/** Entries are written in the order given. @param {TarEntry[]} entries @param {number} mtime seconds */
export function tar(entries, mtime) {
	const parts = [];
	for (const e of entries) {
		parts.push(header(e, mtime));
		if (!e.dir) {
			parts.push(e.data);
			const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
			if (pad) parts.push(Buffer.alloc(pad));
		}
	}
	parts.push(Buffer.alloc(2 * BLOCK));
	const len = parts.reduce((n, p) => n + p.length, 0);
	const tail = (RECORD - (len % RECORD)) % RECORD;
	if (tail) parts.push(Buffer.alloc(tail));
	return Buffer.concat(parts);
}
