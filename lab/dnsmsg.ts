// Minimal DNS message encoding/decoding for the lab's DNS client (agent.ts).

export const RR_TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, HTTPS: 65, ANY: 255 } as const;
export type RrTypeName = keyof typeof RR_TYPES;
const TYPE_NAMES = new Map<number, string>(Object.entries(RR_TYPES).map(([k, v]) => [v, k]));
export const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

export interface DnsAnswer { name: string; type: string; ttl: number; data: string }
export interface DnsResponse { id: number; rcode: string; aa: boolean; tc: boolean; answers: DnsAnswer[] }

export function encodeQuery(id: number, name: string, type: RrTypeName | number, rd = true): Buffer {
  const t = typeof type === 'number' ? type : RR_TYPES[type];
  if (t === undefined) throw new Error(`unknown DNS type ${type}`);
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  const qname = Buffer.concat([
    ...labels.map((l) => {
      const b = Buffer.from(l, 'ascii');
      if (b.length > 63) throw new Error(`DNS label too long: ${l}`);
      return Buffer.concat([Buffer.from([b.length]), b]);
    }),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id & 0xffff, 0);
  header.writeUInt16BE(rd ? 0x0100 : 0, 2);
  header.writeUInt16BE(1, 4); // qdcount
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(t, 0);
  tail.writeUInt16BE(1, 2); // IN
  return Buffer.concat([header, qname, tail]);
}

function readName(buf: Buffer, off: number): [string, number] {
  const labels: string[] = [];
  let jumped = false;
  let end = off;
  for (let guard = 0; guard < 128; guard++) {
    const len = buf[off];
    if (len === undefined) throw new Error('truncated DNS name');
    if (len === 0) { if (!jumped) end = off + 1; return [labels.join('.'), end]; }
    if ((len & 0xc0) === 0xc0) {
      if (!jumped) end = off + 2;
      off = ((len & 0x3f) << 8) | buf[off + 1]!;
      jumped = true;
      continue;
    }
    labels.push(buf.toString('ascii', off + 1, off + 1 + len));
    off += 1 + len;
  }
  throw new Error('DNS name compression loop');
}

function ipv6(b: Buffer): string {
  const parts: string[] = [];
  for (let i = 0; i < 16; i += 2) parts.push(b.readUInt16BE(i).toString(16));
  // compress the longest run of zeros
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== '0') { i++; continue; }
    let j = i; while (j < 8 && parts[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) { best = i; bestLen = j - i; }
    i = j;
  }
  if (best < 0) return parts.join(':');
  return `${parts.slice(0, best).join(':')}::${parts.slice(best + bestLen).join(':')}`;
}

export function decodeResponse(buf: Buffer): DnsResponse {
  if (buf.length < 12) throw new Error(`short DNS response (${buf.length} bytes)`);
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4), an = buf.readUInt16BE(6);
  let off = 12;
  for (let i = 0; i < qd; i++) { off = readName(buf, off)[1] + 4; }
  const answers: DnsAnswer[] = [];
  for (let i = 0; i < an; i++) {
    const [name, o] = readName(buf, off);
    const type = buf.readUInt16BE(o), ttl = buf.readUInt32BE(o + 4), rdlen = buf.readUInt16BE(o + 8);
    const rd = buf.subarray(o + 10, o + 10 + rdlen);
    let data: string;
    if (type === 1 && rdlen === 4) data = [...rd].join('.');
    else if (type === 28 && rdlen === 16) data = ipv6(rd);
    else if (type === 5 || type === 2 || type === 12) data = readName(buf, o + 10)[0];
    else if (type === 16) { const parts: string[] = []; for (let p = 0; p < rd.length; ) { const l = rd[p]!; parts.push(rd.toString('utf8', p + 1, p + 1 + l)); p += 1 + l; } data = parts.join(''); }
    else data = rd.toString('hex');
    answers.push({ name, type: TYPE_NAMES.get(type) ?? String(type), ttl, data });
    off = o + 10 + rdlen;
  }
  return { id, rcode: RCODES[flags & 0xf] ?? String(flags & 0xf), aa: !!(flags & 0x0400), tc: !!(flags & 0x0200), answers };
}
