// Numbers as people read them, for the CLI's status and LuCI's pages alike
// (LuCI translates the unit of an age, so it is handed over as a structure).

export type AgeUnit = 's' | 'm' | 'h' | 'd';

// Seconds ago in the largest unit that still reads as at least 2 of it
// (119 s, then 2 min …); null: never.
export function age(s: number | null): { n: number, unit: AgeUnit } | null {
	if (s === null) return null;
	if (s < 120) return { n: s, unit: 's' };
	if (s < 7200) return { n: int(s / 60), unit: 'm' };
	if (s < 172800) return { n: int(s / 3600), unit: 'h' };
	return { n: int(s / 86400), unit: 'd' };
}

// 1536 → "1.5 KiB": one decimal, cut (not rounded: integer arithmetic, the
// same under ucode's 64-bit integers and JS).
export function fmtBytes(n: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let i = 0, v = n, frac = 0;
	while (v >= 1024 && i < 4) { frac = int(((v % 1024) * 10) / 1024); v = int(v / 1024); i++; }
	return i === 0 ? `${v} B` : `${v}.${frac} ${units[i]}`;
}
