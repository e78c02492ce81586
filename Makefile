# OpenWrt package Makefile for the splitwg service (ucode; PKGARCH all).
# It installs the committed, generated files under files/: no Node in the SDK.
# Place this repository at package/splitwg in an SDK or buildroot (see
# docs/packaging.md); luci-app-splitwg/Makefile builds the LuCI package.
#
# Kept equal to packaging/packages.mjs by test/package/makefiles.test.ts:
# PKG_VERSION (= package.json), PKG_RELEASE, DEPENDS, SECTION, the
# description and conffiles. The modes and maintainer scripts are not copied
# here but read from packaging/, which tools/package.mjs reads too.
# Needs GNU make >= 4.2 (for $(file <...)).

include $(TOPDIR)/rules.mk

PKG_NAME:=splitwg
PKG_VERSION:=0.1.0
PKG_RELEASE:=1
PKG_LICENSE:=GPL-2.0-only

include $(INCLUDE_DIR)/package.mk

define Package/splitwg
  SECTION:=net
  CATEGORY:=Network
  SUBMENU:=VPN
  TITLE:=Per-client split tunnelling over WireGuard
  DEPENDS:=+wireguard-tools +kmod-wireguard \
	+ucode +ucode-mod-fs +ucode-mod-uci +ucode-mod-ubus +ucode-mod-uloop \
	+rpcd +rpcd-mod-ucode \
	+firewall4 +kmod-nft-core +kmod-nft-fib +kmod-nft-nat
  PKGARCH:=all
endef

define Package/splitwg/description
Makes the router a WireGuard hub with per-client split tunnelling: each
client's traffic leaves direct, through one of several upstream WireGuard
tunnels, or is blocked, by domain, address, port, protocol and time of day.
Decided in the kernel (nftables marks, policy routing); configured in
/etc/config/splitwg, with the splitwg command or over ubus.
endef

define Package/splitwg/conffiles
/etc/config/splitwg
endef

define Package/splitwg/postinst
$(file <$(CURDIR)/packaging/splitwg/postinst)
endef

define Package/splitwg/prerm
$(file <$(CURDIR)/packaging/splitwg/prerm)
endef

define Package/splitwg/postrm
$(file <$(CURDIR)/packaging/splitwg/postrm)
endef

define Build/Prepare
endef

define Build/Configure
endef

define Build/Compile
endef

define Package/splitwg/install
	sh $(CURDIR)/packaging/install-tree.sh $(CURDIR)/files $(1) $(CURDIR)/packaging/splitwg/modes
endef

$(eval $(call BuildPackage,splitwg))
