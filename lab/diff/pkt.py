#!/usr/bin/env python3
# The differential test's packet tools (run inside a namespace with `ip netns exec`).
#
#   pkt.py send     < [{dev, smac, dmac, fam, src, dst, proto, sport, dport, tag}, ...]
#       writes each packet as a raw Ethernet frame out of `dev` (AF_PACKET), so the source MAC,
#       source address and interface are exactly the generated identity. `tag` goes into the IPv4
#       ID / IPv6 flow label: the observation table keys on it. Checksums are correct (conntrack
#       checks them), TCP packets are SYNs, ICMP packets echo requests (id = sport).
#   pkt.py resolve  < {"server": "127.0.0.1", "names": [...]}
#       asks `server` for A and AAAA of every name (what a client's lookup through the router's
#       dnsmasq does: dnsmasq fills the domain sets from the answers); prints the answers as JSON.
import json
import random
import socket
import struct
import sys
import time


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def mac(s):
    return bytes(int(x, 16) for x in s.split(':'))


def l4(p, proto_num, pseudo):
    if p['proto'] == 'tcp':
        h = struct.pack('!HHIIBBHHH', p['sport'], p['dport'], random.getrandbits(32), 0, 5 << 4, 0x02, 64240, 0, 0)
        c = csum(pseudo(6, len(h)) + h)
        return 6, h[:16] + struct.pack('!H', c) + h[18:]
    if p['proto'] == 'udp':
        data = b'splitwg-diff'
        h = struct.pack('!HHHH', p['sport'], p['dport'], 8 + len(data), 0) + data
        c = csum(pseudo(17, len(h)) + h) or 0xffff
        return 17, h[:6] + struct.pack('!H', c) + h[8:]
    # echo request; ICMPv6's checksum covers a pseudo-header, ICMP's does not
    t = 8 if p['fam'] == 4 else 128
    body = struct.pack('!BBHHH', t, 0, 0, p['sport'], 1) + b'splitwg-diff'
    num = 1 if p['fam'] == 4 else 58
    c = csum(body) if p['fam'] == 4 else csum(pseudo(58, len(body)) + body)
    return num, body[:2] + struct.pack('!H', c) + body[4:]


def frame(p):
    eth = mac(p['dmac']) + mac(p['smac'])
    if p['fam'] == 4:
        s, d = socket.inet_pton(socket.AF_INET, p['src']), socket.inet_pton(socket.AF_INET, p['dst'])
        num, seg = l4(p, None, lambda n, ln: s + d + struct.pack('!BBH', 0, n, ln))
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(seg), p['tag'], 0x4000, 64, num, 0, s, d)
        ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
        return eth + b'\x08\x00' + ip + seg
    s, d = socket.inet_pton(socket.AF_INET6, p['src']), socket.inet_pton(socket.AF_INET6, p['dst'])
    num, seg = l4(p, None, lambda n, ln: s + d + struct.pack('!I3xB', ln, n))
    ip = struct.pack('!IHBB16s16s', (6 << 28) | (p['tag'] & 0xfffff), len(seg), num, 64, s, d)
    return eth + b'\x86\xdd' + ip + seg


def send(pkts):
    socks = {}
    for p in pkts:
        if p['dev'] not in socks:
            sk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            sk.bind((p['dev'], 0))
            socks[p['dev']] = sk
        socks[p['dev']].send(frame(p))
    time.sleep(0.05)  # let the router's softirq finish before the caller reads the observation


def qname(n):
    return b''.join(bytes([len(l)]) + l.encode() for l in n.split('.')) + b'\0'


def resolve(req):
    sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sk.settimeout(2)
    pending = {}
    qid = 1
    for n in req['names']:
        for t in (1, 28):
            pending[qid] = (n, t)
            sk.sendto(struct.pack('!HHHHHH', qid, 0x0100, 1, 0, 0, 0) + qname(n) + struct.pack('!HH', t, 1), (req['server'], 53))
            qid += 1
    out = {}
    deadline = time.time() + 3
    while pending and time.time() < deadline:
        try:
            b, _ = sk.recvfrom(4096)
        except socket.timeout:
            break
        i, _, _, an = struct.unpack('!HHHH', b[:8])
        if i not in pending:
            continue
        n, t = pending.pop(i)
        off = 12
        while b[off]:
            off += b[off] + 1
        off += 5
        for _ in range(an):
            if b[off] & 0xc0 == 0xc0:
                off += 2
            else:
                while b[off]:
                    off += b[off] + 1
                off += 1
            rt, _, _, ln = struct.unpack('!HHIH', b[off:off + 10])
            rd = b[off + 10:off + 10 + ln]
            if rt == 1:
                out.setdefault(n, []).append(socket.inet_ntop(socket.AF_INET, rd))
            elif rt == 28:
                out.setdefault(n, []).append(socket.inet_ntop(socket.AF_INET6, rd))
            off += 10 + ln
    json.dump({'answers': out, 'unanswered': [list(v) for v in pending.values()]}, sys.stdout)


if __name__ == '__main__':
    arg = json.load(sys.stdin)
    if sys.argv[1] == 'send':
        send(arg)
    else:
        resolve(arg)
