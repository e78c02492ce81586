// Services → Split WireGuard → Overview.
import { view, rpc } from '@kuoruan/luci-types';

const callVersion = rpc.declare({ object: 'splitwg', method: 'version', expect: { version: '' } });

export default view.extend({
	load: () => callVersion(),
	render: (version: string) => E('div', { 'class': 'cbi-map' }, [
		E('h2', {}, [_('Split WireGuard')]),
		E('p', {}, [_('Service version: %s').format(version || '?')]),
	]),
	handleSave: null,
	handleSaveApply: null,
	handleReset: null,
});
