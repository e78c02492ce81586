// Synthetic inputs: UCI configs for the compiler, set elements, the seed
// design's naive nft table and the two dnsmasq forms. Deterministic: the same
// sizes always give the same text.

export const MASK = 0x70000000;
export const MARK_A = 0x20000000;          // upstream #0 ("a") under the default mask
export const TABLE_A = 2101;               // its routing table (table_base 2100 + 1)
export const RULE_PRIO = 21000;            // rule_priority default

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

export function ipv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
const ip4num = (s: string) => s.split('.').reduce((a, b) => a * 256 + Number(b), 0);

/** A WireGuard key (valid base64 of 32 bytes), different per seed. */
export function key(seed: number): string {
  const b = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) b[i] = (seed * 131 + i * 7 + 1) & 255;
  return b.toString('base64');
}

/** Where upstream #i (named n) is reached: a name by default; the router bench gives addresses it can route. */
export type Endpoint = (name: string, i: number) => string;
const exampleEndpoint: Endpoint = (n) => `${n}.vpn.example:51820`;

function upstreams(names: string[], endpoint: Endpoint = exampleEndpoint): string[] {
  return names.flatMap((n, i) => [
    `config upstream '${n}'`,
    `\toption private_key '${key(100 + i)}'`,
    `\tlist address '10.200.${i + 1}.2/32'`,
    `\toption public_key '${key(200 + i)}'`,
    `\toption endpoint '${endpoint(n, i)}'`,
    '',
  ]);
}

// ---- forwarding: N clients, 4 rules each --------------------------------

/** Source address of client i (0-based): 10.64.0.2 + i, all inside 10.64.0.0/10. */
export const clientAddr = (i: number) => ipv4(ip4num('10.64.0.2') + i);
export const CLIENT_NET = '10.64.0.0/10';
export const ROUTER_CLIENT_ADDR = '10.64.0.1/10';
/** The sink's address: what the measured traffic is sent to. */
export const SINK = '198.18.0.1';
export const SINK_NET = '198.18.0.0/30';     // the element of the last rule's CIDR set that matches SINK
export const clientName = (i: number) => `c${String(i).padStart(4, '0')}`;
/** Sets of the last rule (#3) of a client: filled by the bench, matched last in its chain. */
export const lastSets = (i: number) => ({ d4: `c_${clientName(i)}_3_d4`, n4: `c_${clientName(i)}_3_n4` });

/**
 * N clients, each: #0 a domain rule (proxy), #1 a CIDR rule (direct), #2 tcp/25
 * (block), #3 a domain + CIDR rule (proxy via "a") — the last rule, whose sets
 * get the bench's elements. Default direct. Upstreams a, b, c.
 */
export function forwardingConfig(n: number): string {
  const L = ["config globals 'main'", "\toption enabled '1'", '', ...upstreams(['a', 'b', 'c'])];
  for (let i = 0; i < n; i++) {
    const c = clientName(i);
    L.push(`config client '${c}'`, "\toption kind 'device'", `\tlist address '${clientAddr(i)}'`,
      "\toption default 'direct'", `\toption upstream '${['a', 'b', 'c'][i % 3]}'`, '',
      'config rule', `\toption client '${c}'`, `\tlist domain 'r0.${c}.bench.test'`, "\toption action 'proxy'", '',
      'config rule', `\toption client '${c}'`, `\tlist dest '203.0.${i % 256}.${(i >> 8) * 4}/30'`, "\toption action 'direct'", '',
      'config rule', `\toption client '${c}'`, "\toption proto 'tcp'", "\tlist port '25'", "\toption action 'block'", '',
      'config rule', `\toption client '${c}'`, `\tlist domain 'r3.${c}.bench.test'`, `\tlist dest '192.0.2.${(i % 64) * 4}/30'`,
      "\toption action 'proxy'", "\toption upstream 'a'", '');
  }
  return L.join('\n');
}

/** E CIDR elements (alternating /24 and /32, never adjacent, so auto-merge keeps all E), from 20.0.0.0. */
export function cidrElements(e: number): string[] {
  const out: string[] = [];
  const base = ip4num('20.0.0.0');
  for (let i = 0; i < e; i++) out.push(i % 2 ? `${ipv4(base + i * 512)}/24` : ipv4(base + i * 512));
  return out;
}

/** E "DNS-learned" host addresses (spread over 100.64.0.0/10). */
export function hostElements(e: number): string[] {
  const out: string[] = [];
  const base = ip4num('100.64.0.0');
  for (let i = 0; i < e; i++) out.push(ipv4(base + i * 37 + 1));
  return out;
}

/** `add element` commands, `chunk` elements each (how dnsmasq-learned addresses arrive, batched). */
export function addElementLines(table: string, set: string, items: string[], chunk = 5000): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += chunk)
    out.push(`add element ${table} ${set} { ${items.slice(i, i + chunk).join(', ')} }`);
  return out;
}

/**
 * The seed design (002 §3.4) written as nft: one mark rule per client and set,
 * `ip saddr X ip daddr @set meta mark set …`, all in one prerouting chain,
 * evaluated linearly for every packet (MARK does not terminate; no conntrack
 * mark). Same sets (names, types, flags) and the same masked mark as ours.
 */
export function naiveTable(n: number, table = 'naive'): string {
  const keep = hex((0xffffffff - MASK) >>> 0);
  const L = [`table inet ${table}`, `delete table inet ${table}`, `table inet ${table} {`];
  for (let i = 0; i < n; i++) {
    const s = lastSets(i);
    L.push(`\tset ${s.d4} { type ipv4_addr; flags timeout; timeout 86400s; }`,
      `\tset ${s.n4} { type ipv4_addr; flags interval; auto-merge; elements = { 192.0.2.${(i % 64) * 4}/30 }; }`);
  }
  L.push('\tchain prerouting {', '\t\ttype filter hook prerouting priority mangle; policy accept;');
  for (let i = 0; i < n; i++) {
    const s = lastSets(i);
    for (const set of [s.d4, s.n4])
      L.push(`\t\tip saddr ${clientAddr(i)} ip daddr @${set} meta mark set meta mark and ${keep} or ${hex(MARK_A)}`);
  }
  L.push('\t}', '}');
  return L.join('\n') + '\n';
}

// ---- apply: the "large home" ---------------------------------------------

export interface HomeSize { clients: number; rulesPerClient: number; upstreams: number; domains: number; cidrs: number }
export const LARGE_HOME: HomeSize = { clients: 50, rulesPerClient: 10, upstreams: 3, domains: 20000, cidrs: 50000 };
/** issue 14's "typical" config: 20 clients, 200 rules, 2,000 domains, 5,000 CIDRs */
export const TYPICAL: HomeSize = { clients: 20, rulesPerClient: 10, upstreams: 3, domains: 2000, cidrs: 5000 };

/**
 * Per client, rules #0,2,4,6 are domain rules and #1,3,5,7 CIDR rules (the
 * domains and CIDRs split evenly over them, all distinct), #8 tcp/udp ports
 * (block), #9 a time window on weekdays (proxy via a named upstream).
 * `edit` changes one CIDR of the last client's rule #1 (the "edit one rule" case).
 */
export function largeHomeConfig(sz: HomeSize = LARGE_HOME, edit = false, endpoint?: Endpoint): string {
  const ups = Array.from({ length: sz.upstreams }, (_, i) => ['a', 'b', 'c', 'd', 'e', 'f'][i]);
  const L = ["config globals 'main'", "\toption enabled '1'", '', ...upstreams(ups, endpoint)];
  const domainRules = sz.clients * 4, cidrRules = sz.clients * 4;
  const dPer = Math.ceil(sz.domains / domainRules), cPer = Math.ceil(sz.cidrs / cidrRules);
  let d = 0, cidr = 0;
  const cidrBase = ip4num('20.0.0.0');
  for (let i = 0; i < sz.clients; i++) {
    const c = `h${String(i).padStart(3, '0')}`;
    L.push(`config client '${c}'`, "\toption kind 'device'", `\tlist address '192.168.${100 + (i >> 8)}.${(i & 255) + 1}'`,
      `\toption default '${i % 5 === 0 ? 'proxy' : 'direct'}'`, `\toption upstream '${ups[i % ups.length]}'`, '');
    for (let k = 0; k < sz.rulesPerClient; k++) {
      L.push('config rule', `\toption client '${c}'`, `\toption name 'rule ${k}'`);
      if (k < 8 && k % 2 === 0) {
        for (let j = 0; j < dPer && d < sz.domains; j++, d++) L.push(`\tlist domain 'site${d}.example${d % 97}.com'`);
        L.push(`\toption action '${k === 4 ? 'direct' : 'proxy'}'`);
        if (k === 2) L.push(`\toption upstream '${ups[(i + 1) % ups.length]}'`);
      } else if (k < 8) {
        for (let j = 0; j < cPer && cidr < sz.cidrs; j++, cidr++) {
          let a = cidrBase + cidr * 512;
          if (edit && i === sz.clients - 1 && k === 1 && j === 0) a += 256;
          L.push(`\tlist dest '${j % 2 ? `${ipv4(a)}/24` : ipv4(a)}'`);
        }
        L.push(`\toption action '${k === 3 ? 'block' : 'proxy'}'`);
      } else if (k === 8) {
        L.push("\toption proto 'tcp udp'", "\tlist port '6881-6889'", "\tlist port '25'", "\toption action 'block'");
      } else {
        L.push("\toption start_time '20:00'", "\toption stop_time '06:30'", "\toption weekdays 'Mon Tue Wed Thu Fri'",
          "\toption action 'proxy'", `\toption upstream '${ups[(i + 2) % ups.length]}'`);
      }
      L.push('');
    }
  }
  return L.join('\n');
}

// ---- dnsmasq: D domains, each feeding the domain sets of 2 rules ------------

export const DNS_CLIENTS = ['dA', 'dB'];
export const dnsDomain = (i: number) => `site${i}.example${i % 97}.com`;

/** Two clients, each with one domain rule over the same domains (so every domain feeds 4 sets: 2 rules × v4/v6). */
export function dnsConfig(domains: string[]): string {
  const L = ["config globals 'main'", "\toption enabled '1'", '', ...upstreams(['a'])];
  DNS_CLIENTS.forEach((c, i) => {
    L.push(`config client '${c}'`, "\toption kind 'device'", `\tlist address '192.168.50.${i + 2}'`, "\toption upstream 'a'", '',
      'config rule', `\toption client '${c}'`, ...domains.map((d) => `\tlist domain '${d}'`), "\toption action 'proxy'", '');
  });
  return L.join('\n');
}

const dnsTargets = () => DNS_CLIENTS.flatMap((c) => [`4#inet#splitwg#c_${c}_0_d4`, `6#inet#splitwg#c_${c}_0_d6`]);

/** Our form, exactly as src/core/dnsmasq.ts writes it (checked against the compiler on a sample): one line per domain. */
export function dnsOurs(domains: string[], version: string): string {
  const L = [`# Generated by splitwg ${version} — domain rules, one entry per domain (dnsmasq uses only the most specific match)`];
  const from = DNS_CLIENTS.map((c) => `client.${c}.rule[0]`).join('; ');
  const t = dnsTargets().join(',');
  for (const d of [...domains].sort()) L.push(`# ${d}: ${from}`, `nftset=/${d}/${t}`);
  return L.join('\n') + '\n';
}

/** The naive form: one line per domain per set (the seed's `ipset=/domain/set` per client). */
export function dnsNaive(domains: string[]): string {
  const L: string[] = [];
  const ts = dnsTargets();
  for (const d of [...domains].sort()) for (const t of ts) L.push(`nftset=/${d}/${t}`);
  return L.join('\n') + '\n';
}

// ---- scale: many clients sharing one rule set, or each with its own rules --

/**
 * `clients` devices, each listing rule set `shared` (`rules` rules: the
 * first half domain rules over `domains` distinct domains, the rest CIDR
 * rules, one /24 each, all proxy) and no rule of its own; upstreams a and b,
 * every second client on b. What issue 14 measured: the rule set copied
 * into every client's chain.
 */
export function sharedRulesetConfig(clients: number, rules: number, domains: number): string {
  const L = ["config globals 'main'", "\toption enabled '1'", '', ...upstreams(['a', 'b']), "config ruleset 'shared'", ''];
  const dRules = Math.ceil(rules / 2), per = Math.ceil(domains / dRules);
  for (let k = 0, d = 0; k < rules; k++) {
    L.push('config rule', "\toption ruleset 'shared'");
    if (k < dRules) for (let j = 0; j < per && d < domains; j++, d++) L.push(`\tlist domain 'site${d}.example${d % 97}.com'`);
    else L.push(`\tlist dest '${ipv4(ip4num('30.0.0.0') + k * 256)}/24'`);
    L.push("\toption action 'proxy'", '');
  }
  for (let i = 0; i < clients; i++)
    L.push(`config client 's${String(i).padStart(4, '0')}'`, "\toption kind 'device'", `\tlist address '${clientAddr(i)}'`,
      `\toption upstream '${i % 2 ? 'b' : 'a'}'`, "\tlist ruleset 'shared'", '');
  return L.join('\n');
}
