// Prometheus's text exposition format, as far as the collector's tests read
// it: `# HELP`/`# TYPE` lines and samples `name{label="value",…} number`.
// It refuses what a Prometheus server would: a sample before or without its
// TYPE, a metric declared twice, the same name and labels twice.
export interface Sample { name: string, labels: Record<string, string>, value: number }
export interface Exposition { types: Map<string, string>, samples: Sample[] }

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;

export function parseExposition(text: string): Exposition {
	const types = new Map<string, string>(), samples: Sample[] = [], seen = new Set<string>();
	for (const line of text.split('\n')) {
		if (line === '' || line.startsWith('# HELP ')) continue;
		const t = /^# TYPE (\S+) (counter|gauge)$/.exec(line);
		if (t) {
			if (types.has(t[1]!)) throw new Error(`${t[1]} declared twice`);
			types.set(t[1]!, t[2]!);
			continue;
		}
		const m = SAMPLE.exec(line);
		if (!m) throw new Error(`not a sample line: ${line}`);
		if (!types.has(m[1]!)) throw new Error(`${m[1]}: a sample before its TYPE`);
		const labels: Record<string, string> = {};
		LABEL.lastIndex = 0;
		for (let l; (l = LABEL.exec(m[2] ?? '')) !== null;) labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
		const key = `${m[1]}${JSON.stringify(Object.entries(labels).sort())}`;
		if (seen.has(key)) throw new Error(`${line}: the same series twice`);
		seen.add(key);
		const value = Number(m[3]);
		if (Number.isNaN(value)) throw new Error(`${line}: not a number`);
		samples.push({ name: m[1]!, labels, value });
	}
	return { types, samples };
}

/** The value of the series with exactly these labels (undefined: none). */
export function sample(e: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
	const want = JSON.stringify(Object.entries(labels).sort());
	return e.samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want)?.value;
}
