// How opkg-lede reads a control file (libopkg/pkg_parse.c pkg_parse_line,
// parse_util.c is_field, pkg.c pkg_set_string/pkg_set_raw), for tests:
//  - a line is matched against the fields opkg knows that start with its
//    first letter, in opkg's order, by PREFIX (strncmp(line, field,
//    strlen(field))): "SourceName: x" is read as Source;
//  - the value is what follows the field name plus one character, trimmed:
//    "SourceName: x" sets Source to "ame: x";
//  - a field set again keeps the length of its first value: a longer value
//    is cut there (opkg prints "ERROR: truncating field"; and writes past
//    the end, which the real opkg shows as an emptied neighbouring field);
//  - lines of no known field are ignored; lines starting with a space
//    continue the Description.
// (Conffiles, Status and the dependency fields have their own parsers in
// opkg; here they are kept as text, which is all the tests need.)

// By first letter, in the order pkg_parse_line tests them.
const FIELDS: Record<string, string[]> = {
	A: ['ABIVersion', 'Alternatives', 'Architecture', 'Auto-Installed'],
	C: ['Conffiles', 'Conflicts'],
	D: ['Description', 'Depends'],
	E: ['Essential'],
	F: ['Filename'],
	I: ['Installed-Size', 'Installed-Time'],
	M: ['MD5sum:', 'MD5Sum:', 'Maintainer'],
	P: ['Package', 'Priority', 'Provides', 'Pre-Depends'],
	R: ['Recommends', 'Replaces'],
	S: ['Section', 'SHA256sum', 'Size', 'Source', 'Status', 'Suggests'],
	T: ['Tags'],
	V: ['Version'],
};

export interface OpkgRead {
	/** field → value as opkg holds it */
	fields: Map<string, string>;
	/** each control line's own field name → the opkg field it was read as (null: ignored) */
	readAs: Map<string, string | null>;
	/** fields opkg set twice with a longer value (its "truncating field" error) */
	truncated: string[];
}

export function opkgReadControl(text: string): OpkgRead {
	const fields = new Map<string, string>(), readAs = new Map<string, string | null>(), truncated: string[] = [];
	const capacity = new Map<string, number>(); // the length of a field's first value
	let inDescription = false;
	for (const line of text.split('\n')) {
		if (line === '') continue;
		if (line[0] === ' ') {
			if (inDescription) fields.set('Description', `${fields.get('Description')}\n${line}`);
			continue;
		}
		inDescription = false;
		const name = line.slice(0, Math.max(0, line.indexOf(':')));
		const field = (FIELDS[line[0]] ?? []).find((f) => line.startsWith(f)) ?? null;
		readAs.set(name, field === null ? null : field.replace(/:$/, ''));
		if (field === null) continue;
		const key = field.replace(/:$/, '');
		let value = line.slice(field.length + (field.endsWith(':') ? 0 : 1)).trim();
		const room = capacity.get(key);
		if (room === undefined) capacity.set(key, value.length);
		else if (value.length > room) {
			truncated.push(key);
			value = value.slice(0, room);
		}
		fields.set(key, value);
		if (key === 'Description') inDescription = true;
	}
	return { fields, readAs, truncated };
}
