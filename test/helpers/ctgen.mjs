// Real connections for conntrack's accounting, run inside a private network
// namespace (test/helpers/ctlive.ts): each flow [from, to, port, up, down]
// connects from `from` to a server on `to`:`port`, sends `up` bytes and
// gets `down` back; the connections stay open (their conntrack entries
// stay listed) until stdin closes. Prints "ready" when every flow is done.
import net from 'node:net';

const flows = JSON.parse(process.argv[2]);
const servers = new Map();
const sockets = [];

// the first 8 bytes say how many bytes come in all and how many to send back
function serve(to, port) {
	const key = `${to} ${port}`;
	if (!servers.has(key)) {
		const srv = net.createServer((c) => {
			sockets.push(c);
			let head = Buffer.alloc(0), got = 0, sent = false;
			c.on('data', (d) => {
				got += d.length;
				if (head.length < 8) head = Buffer.concat([head, d]).subarray(0, 8);
				if (!sent && head.length === 8 && got >= head.readUInt32BE(0)) { sent = true; c.write(Buffer.alloc(head.readUInt32BE(4), 'x')); }
			});
		});
		servers.set(key, new Promise((res) => srv.listen(port, to, res)));
	}
	return servers.get(key);
}

async function flow([from, to, port, up, down]) {
	await serve(to, port);
	return new Promise((res, rej) => {
		const s = net.connect({ host: to, port, localAddress: from }, () => {
			const h = Buffer.alloc(8);
			h.writeUInt32BE(up, 0); h.writeUInt32BE(down, 4);
			s.write(Buffer.concat([h, Buffer.alloc(up - 8, 'y')]));
		});
		let got = 0;
		s.on('data', (d) => { got += d.length; if (got >= down) res(); });
		s.on('error', rej);
		sockets.push(s);
	});
}

for (const f of flows) await flow(f);
process.stdout.write('ready\n');
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
