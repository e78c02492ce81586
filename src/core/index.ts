// The portable core: the same code runs under ucode on the router
// (/usr/share/ucode/splitwg/core.uc), under Node in tests and the developer
// CLI, and bundled into the LuCI views.
export { VERSION } from './version';
export { MESSAGES, format, described, isMsg, msg } from './messages';
export type { Msg, Arg } from './messages';
export { parseUci, renderUci } from './uci';
export { parseAddress, parsePrefix, prefixText, parseInterfaceAddress, prefixContains, prefixesOverlap } from './ip';
export { readConfig, readSubscriptions, check, listPaths, SERVER_IFACE } from './config';
export { templateSections, ruleOptions, RULE_FIELDS } from './templates';
export { ZIP_ENTRIES, CONF_BYTES, isConfEntry, nameFromFile, uniqueNames } from './onboard';
export type { ListFiles } from './config';
export { LIST_DIR, badListFile, badUrl, listPath, listStart, listMissing, listLine, readListText, listEntries } from './lists';
export type { ListFile } from './lists';
export { FRAGMENT_CHUNK, FRAGMENT_TAIL, fragmentName, fragmentHead, fragmentLine, listsScript, listSets } from './nftlists';
export { compile, plan, redactedPlan, emptyPlan, dnsmasqFor } from './plan';
export { explain, pathText } from './explain';
export { directMark } from './decide';
export { explainQuery } from './query';
export { nftTransition, listReloads } from './transition';
export { NFT, clientChainName, markChainName, tableObjects, tableState } from './nft';
export type { NftTable, NftChain, NftRule, NftSet, NftMap, RuleRef, TableState } from './nft';
export { printNft, groupsScript, slotsScript } from './nftprint';
export type { TableObjects, SetState } from './transition';
export { OWNED, isOwned } from './netifd';
export { badKey, badBool, bool } from './values';
export { age, fmtBytes } from './format';
export { GROUP_STATE, watched, probed } from './groups';
export { groupMapList } from './nft';
export type { GroupMap } from './nft';
export { HANDSHAKE_MAX, step, downOf, membersNow, watchOf } from './health';
export type { HealthState, Sample, Watch, Watched } from './health';
