// What prometheus-node-exporter-ucode gives a collector file: it compiles
// each /usr/share/ucode/node-exporter/lib/*.uc once, and on every scrape
// runs it with these in its global scope. gauge(name, help) and
// counter(name, help) return a function that prints one sample per call
// (`name{labels} value`, the # HELP / # TYPE lines before the first) and
// returns itself. A label whose value is null prints as "".
type Sample = (labels: { [label: string]: string | null }, value: number) => Sample;
declare function gauge(name: string, help?: string): Sample;
declare function counter(name: string, help?: string): Sample;
