// globalSetup of the lab project: the namespace scenarios need root (they create network namespaces).
export function setup(): void {
	if (process.getuid && process.getuid() !== 0)
		throw new Error('npm run lab: needs root (it creates network namespaces). Run it as root, e.g. sudo npm run lab.');
}
