// Ask 127.0.0.1:PORT for NAME (type A) every millisecond until an answer with
// an address arrives; print `ready` once the socket is bound, then
// `answered <process.hrtime.bigint()>` (CLOCK_MONOTONIC, comparable across
// processes) and exit. Run inside the namespace dnsmasq listens in.
//   node dnsprobe.mjs PORT NAME [TIMEOUT_MS]
import dgram from 'node:dgram';

const [port, name, limit] = process.argv.slice(2);
const id = Math.floor(Math.random() * 65535);
const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
const q = Buffer.concat([
  Buffer.from([id >> 8, id & 255, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]),   // RD, 1 question
  ...labels, Buffer.from([0, 0, 1, 0, 1]),                                // QTYPE A, QCLASS IN
]);
const s = dgram.createSocket('udp4');
s.on('error', () => {});
s.on('message', (m) => {
  if (m.length >= 12 && m.readUInt16BE(0) === id && (m[3] & 0x0f) === 0 && m.readUInt16BE(6) > 0) {
    process.stdout.write(`answered ${process.hrtime.bigint()}\n`, () => process.exit(0));
  }
});
s.bind(0, '127.0.0.1', () => {
  process.stdout.write('ready\n');
  setInterval(() => s.send(q, Number(port), '127.0.0.1'), 1);
});
setTimeout(() => process.stdout.write('timeout\n', () => process.exit(1)), Number(limit ?? 120000));
