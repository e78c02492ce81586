// New-connection latency: the first packet of every connection is the one
// that is classified (later packets take the conntrack-mark shortcut in our
// table), so this is where the dispatch structure shows.
//   node connprobe.mjs server PORT             accept and close, forever
//   node connprobe.mjs client HOST PORT COUNT  COUNT sequential connects; prints JSON
//     { "medianUs": connect() → established, median, "perSecond": connections per second, "failed": n }
// The client closes with a RST (resetAndDestroy), so thousands of runs leave no
// TIME_WAIT sockets behind to slow down the choice of the next local port.
import net from 'node:net';

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'server') {
  net.createServer((s) => { s.on('error', () => {}); s.destroy(); }).listen(Number(a), () => process.stdout.write('listening\n'));
} else {
  const host = a, port = Number(b), count = Number(c);
  const lat = [];
  let failed = 0;
  const t0 = process.hrtime.bigint();
  const one = () => new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const s = net.connect({ host, port });
    s.setTimeout(2000, () => { failed++; s.destroy(); });
    s.on('connect', () => { lat.push(Number(process.hrtime.bigint() - t) / 1000); s.resetAndDestroy(); });
    s.on('error', () => { failed++; });
    s.on('close', resolve);
  });
  for (let i = 0; i < count; i++) await one();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((x, y) => x - y);
  const medianUs = lat.length ? (lat.length % 2 ? lat[(lat.length - 1) / 2] : (lat[lat.length / 2 - 1] + lat[lat.length / 2]) / 2) : null;
  process.stdout.write(JSON.stringify({ medianUs, perSecond: count / secs, failed }) + '\n');
}
