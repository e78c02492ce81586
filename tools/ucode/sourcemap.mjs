// Source map v3 mappings, just what the ucode build needs: decode esbuild's
// map, compose it with the rewrite's, encode the result, and look a generated
// line:column up. Lines and columns are 0-based here, as in the format.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VAL = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** @returns {number[][][]} per generated line, segments [genCol, src, srcLine, srcCol, name?] */
export function decode(mappings) {
	const lines = [];
	let src = 0, srcLine = 0, srcCol = 0, name = 0;
	for (const text of mappings.split(';')) {
		const segs = [];
		let genCol = 0;
		for (const seg of text ? text.split(',') : []) {
			const v = [];
			let shift = 0, acc = 0;
			for (const c of seg) {
				const d = B64_VAL[c];
				acc += (d & 31) << shift;
				if (d & 32) { shift += 5; continue; }
				v.push(acc & 1 ? -(acc >>> 1) : acc >>> 1);
				shift = 0; acc = 0;
			}
			genCol += v[0];
			if (v.length === 1) { segs.push([genCol]); continue; }
			src += v[1]; srcLine += v[2]; srcCol += v[3];
			if (v.length > 4) { name += v[4]; segs.push([genCol, src, srcLine, srcCol, name]); }
			else segs.push([genCol, src, srcLine, srcCol]);
		}
		lines.push(segs);
	}
	return lines;
}

const vlq = (n) => {
	let v = n < 0 ? (-n << 1) | 1 : n << 1, out = '';
	do { let d = v & 31; v >>>= 5; if (v) d |= 32; out += B64[d]; } while (v);
	return out;
};

export function encode(lines) {
	let src = 0, srcLine = 0, srcCol = 0, name = 0;
	return lines.map((segs) => {
		let genCol = 0;
		return segs.map((s) => {
			let out = vlq(s[0] - genCol); genCol = s[0];
			if (s.length > 1) { out += vlq(s[1] - src) + vlq(s[2] - srcLine) + vlq(s[3] - srcCol); src = s[1]; srcLine = s[2]; srcCol = s[3]; }
			if (s.length > 4) { out += vlq(s[4] - name); name = s[4]; }
			return out;
		}).join(',');
	}).join(';');
}

/** The segment covering line:col (the last one at or before col), or null. */
export function lookup(lines, line, col) {
	const segs = lines[line];
	if (!segs) return null;
	let best = null;
	for (const s of segs) { if (s[0] > col) break; best = s; }
	return best && best.length > 1 ? best : null;
}

/**
 * outer maps the output to the bundle, inner the bundle to the sources: the
 * result maps the output to the sources. Consecutive segments that land on
 * the same source line are merged if `merge`: a map per source line is what
 * an error position needs, and it keeps the file small.
 */
export function compose(outer, inner, merge) {
	return outer.map((segs) => {
		const out = [];
		for (const s of segs) {
			const t = s.length > 1 ? lookup(inner, s[2], s[3]) : null;
			if (!t) continue;
			const prev = out[out.length - 1];
			if (merge && prev && prev[1] === t[1] && prev[2] === t[2]) continue;
			out.push([s[0], t[1], t[2], t[3]]);
		}
		return out;
	});
}
