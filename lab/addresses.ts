// Every name, address and port of the lab topology, in one place.
// All addresses are documentation / shared / ULA ranges and only ever exist
// inside the lab's own network namespaces (see README.md for the diagram).

/** Network namespace names. Everything the lab creates lives in one of these. */
export const NS = {
  inet: 'swl-inet',
  upA: 'swl-up-a',
  upB: 'swl-up-b',
  router: 'swl-router',
  tv: 'swl-c-tv',
  kid: 'swl-c-kid',
  laptop: 'swl-c-laptop',
  phone: 'swl-c-phone',
} as const;
export type NsName = (typeof NS)[keyof typeof NS];
export const ALL_NS: readonly NsName[] = Object.values(NS);
export const NS_PREFIX = 'swl-';

// ---------------------------------------------------------------- internet
/** Addresses hosted on swl-inet's loopback: the "internet" test services. */
export const SERVICES = {
  /** HTTP + UDP echo hosts. video.test */
  web1: '192.0.2.10',
  /** cdn.video.test */
  web1cdn: '192.0.2.11',
  /** news.test */
  web2: '192.0.2.20',
  /** shop.test */
  web3: '192.0.2.30',
  web1v6: '2001:db8:e::10',
  web1cdnv6: '2001:db8:e::11',
  web2v6: '2001:db8:e::20',
  web3v6: '2001:db8:e::30',
  /** authoritative DNS for the test domains (what the router forwards to) */
  dns: '192.0.2.53',
  dnsv6: '2001:db8:e::53',
  /** a "public resolver" a client may use to bypass the router's DNS; also accepts tcp/853 (DoT) */
  publicDns: '8.8.8.8',
  publicDnsv6: '2001:4860:4860::8888',
} as const;

/** Addresses the echo service answers on (HTTP on all of them, UDP bound to each). */
export const ECHO_V4 = [SERVICES.web1, SERVICES.web1cdn, SERVICES.web2, SERVICES.web3] as const;
export const ECHO_V6 = [SERVICES.web1v6, SERVICES.web1cdnv6, SERVICES.web2v6, SERVICES.web3v6] as const;
/** TCP ports with the HTTP echo (listening on every address of swl-inet). 853 stands in for DoT. */
export const HTTP_PORTS = [80, 443, 8080, 853] as const;
/** UDP echo ports (5300 "plain", 443 stands in for QUIC). */
export const UDP_PORTS = [5300, 443] as const;
export const UDP_ECHO_PORT = 5300;
/** TCP line echo (every address of swl-inet) for long-lived connections held across a re-apply. */
export const TCP_ECHO_PORT = 7070;
export const DOT_PORT = 853;

/** Test domains. `address=/d/` semantics: subdomains resolve too, the longest match wins. */
export const DOMAINS: Record<string, { a: string; aaaa: string }> = {
  'video.test': { a: SERVICES.web1, aaaa: SERVICES.web1v6 },
  'cdn.video.test': { a: SERVICES.web1cdn, aaaa: SERVICES.web1cdnv6 },
  'news.test': { a: SERVICES.web2, aaaa: SERVICES.web2v6 },
  'shop.test': { a: SERVICES.web3, aaaa: SERVICES.web3v6 },
};
/** Answered differently by each resolver, so a test can tell which one a client really asked. */
export const WHOAMI_DOMAIN = 'whoami.test';
export const WHOAMI = {
  /** answer from the authoritative server 192.0.2.53 (and so through the router's dnsmasq) */
  auth: '192.0.2.253',
  /** answer from the public resolver 8.8.8.8 (a client that bypassed the router) */
  public: '192.0.2.88',
} as const;
export const DNS_TTL = 300;

// ------------------------------------------------------------------ links
/** Point-to-point links from swl-inet (the hub) to each attached namespace. */
export const LINKS = {
  router: {
    inetIf: 'to-router', peerIf: 'wan',
    inet4: '198.51.100.1', peer4: '198.51.100.2', len4: 24,
    inet6: '2001:db8:1::1', peer6: '2001:db8:1::2', len6: 64,
  },
  upA: {
    inetIf: 'to-up-a', peerIf: 'eth0',
    inet4: '203.0.113.1', peer4: '203.0.113.10', len4: 28,
    inet6: '2001:db8:a::fe', peer6: '2001:db8:a::1', len6: 64,
  },
  upB: {
    inetIf: 'to-up-b', peerIf: 'eth0',
    inet4: '203.0.113.17', peer4: '203.0.113.20', len4: 28,
    inet6: '2001:db8:b::fe', peer6: '2001:db8:b::1', len6: 64,
  },
  /** the road warrior's "mobile network" */
  phone: {
    inetIf: 'to-mobile', peerIf: 'eth0',
    inet4: '100.64.0.1', peer4: '100.64.0.2', len4: 24,
    inet6: '2001:db8:64::1', peer6: '2001:db8:64::2', len6: 64,
  },
} as const;

// ----------------------------------------------------------------- router
export const ROUTER = {
  wanIf: 'wan',
  wan4: LINKS.router.peer4,
  wan6: LINKS.router.peer6,
  gw4: LINKS.router.inet4,
  gw6: LINKS.router.inet6,
  lanIf: 'br-lan',
  lan4: '192.168.77.1',
  lan4Net: '192.168.77.0/24',
  lan6: 'fd77::1',
  lan6Net: 'fd77::/64',
  /** nft table emulating OpenWrt's fw4 (forward accept, masquerade on @masq_oif) */
  fwTable: 'fw4',
} as const;

export interface LanClient { ns: NsName; routerIf: string; v4: string; v6: string }
export const LAN_CLIENTS: Record<'tv' | 'kid' | 'laptop', LanClient> = {
  tv: { ns: NS.tv, routerIf: 'lan-tv', v4: '192.168.77.10', v6: 'fd77::10' },
  kid: { ns: NS.kid, routerIf: 'lan-kid', v4: '192.168.77.11', v6: 'fd77::11' },
  laptop: { ns: NS.laptop, routerIf: 'lan-laptop', v4: '192.168.77.12', v6: 'fd77::12' },
};
export const CLIENT_IF = 'eth0';

// -------------------------------------------------------------- wireguard
export const WG_PORT = 51820;

/** Upstream VPS WireGuard servers and the router's tunnel ends toward them. */
export const UPSTREAMS = {
  a: {
    ns: NS.upA,
    /** unique: wireguard-go's control socket /var/run/wireguard/<if>.sock is not per-namespace */
    serverIf: 'swl-upa-wg',
    public4: LINKS.upA.peer4,
    public6: LINKS.upA.peer6,
    listenPort: WG_PORT,
    serverAddrs: ['10.200.1.1/24', 'fd00:a::1/64'],
    /** default router-side interface name (the plan may choose another) */
    routerIf: 'wg_a',
    routerAddrs: ['10.200.1.2/32', 'fd00:a::2/128'],
    routerListenPort: 51821,
  },
  b: {
    ns: NS.upB,
    serverIf: 'swl-upb-wg',
    public4: LINKS.upB.peer4,
    public6: LINKS.upB.peer6,
    listenPort: WG_PORT,
    serverAddrs: ['10.200.2.1/24', 'fd00:b::1/64'],
    routerIf: 'wg_b',
    routerAddrs: ['10.200.2.2/32', 'fd00:b::2/128'],
    routerListenPort: 51822,
  },
} as const;

/** The router's own WireGuard server for road warriors. */
export const WG_SERVER = {
  ns: NS.router,
  ifname: 'wg_srv',
  listenPort: WG_PORT,
  addrs: ['10.77.0.1/24', 'fd77:77::1/64'],
  net4: '10.77.0.0/24',
  net6: 'fd77:77::/64',
  addr4: '10.77.0.1',
  addr6: 'fd77:77::1',
  endpoint: `${LINKS.router.peer4}:${WG_PORT}`,
} as const;

export const PHONE = {
  ns: NS.phone,
  ifname: 'swl-phone-wg',
  tunnel4: '10.77.0.2',
  tunnel6: 'fd77:77::2',
  addrs: ['10.77.0.2/32', 'fd77:77::2/128'],
  mobile4: LINKS.phone.peer4,
  mobile6: LINKS.phone.peer6,
} as const;

export const WG_KEEPALIVE = 25;

/** Example mark layout used by the smoke test's hand-written policy routing. */
export const EXAMPLE_MARK = { mask: 0x0f000000, upA: 0x01000000, upB: 0x02000000, tableA: 101, tableB: 102 } as const;

/** Router dnsmasq (the LAN resolver, forwarding to SERVICES.dns). */
export const ROUTER_DNS = {
  listen: ['127.0.0.1', ROUTER.lan4, ROUTER.lan6, WG_SERVER.addr4, WG_SERVER.addr6],
  upstream: SERVICES.dns,
} as const;
