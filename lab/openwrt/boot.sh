#!/bin/sh
# Boots the OpenWrt userland root of the openwrt test tier (lab/openwrt/root.ts starts it).
#
#   ip netns exec <router-ns> unshare --mount --pid --fork --propagation private \
#       sh lab/openwrt/boot.sh <OPENWRT_ROOT> <flash-dir>
#
# Runs as PID 1's parent-to-be of a fresh PID namespace inside a private mount namespace, so every
# mount below and every process started in the root disappear when procd (PID 1) exits.
#   /usr  overlay: <flash>/usr.up over <prefix>/rootfs/usr over the host's /usr
#   /etc  overlay: <flash>/etc.up over <prefix>/etc over the host's /etc
#   <flash>/*.up persist across boots (the router's flash); /tmp is a new tmpfs every boot (RAM)
#   /opt/owrt (the prefix) read-only at the same path (the binaries' RUNPATH points there)
# Then procd runs as PID 1 (env container=…: no devtmpfs/coldplug games) and, through
# /etc/inittab, runs /etc/rc.d/S* boot like a router.
set -e
P=$1
F=$2
[ -d "$P/rootfs/usr" ] && [ -d "$F" ] || { echo "usage: boot.sh OPENWRT_ROOT FLASH_DIR" >&2; exit 2; }

W=$F/run
mkdir -p "$W"
mount -t tmpfs -o mode=755 owrt-run "$W"
R=$W/root
mkdir -p "$R" "$W/usr.wk" "$W/etc.wk" "$F/usr.up" "$F/etc.up"
mkdir -p $R/usr $R/etc $R/tmp $R/proc $R/sys $R/dev $R/opt/owrt $R/root $R/run
for d in bin sbin lib; do ln -s usr/$d $R/$d; done
ln -s usr/lib64 $R/lib64
ln -s tmp $R/var

# overlayfs wants its workdir on the upper dir's filesystem
mkdir -p "$F/usr.wk" "$F/etc.wk"
mount -t overlay owrt-usr -o "lowerdir=$P/rootfs/usr:/usr,upperdir=$F/usr.up,workdir=$F/usr.wk" $R/usr
mount -t overlay owrt-etc -o "lowerdir=$P/etc:/etc,upperdir=$F/etc.up,workdir=$F/etc.wk" $R/etc
mount --bind "$P" $R/opt/owrt
mount -o remount,bind,ro $R/opt/owrt
mount -t tmpfs -o mode=1777 owrt-tmp $R/tmp
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount --rbind /dev $R/dev
# files the test hands in (the .ipk builds)
mkdir -p "$F/xfer" $R/mnt/xfer
mount --bind "$F/xfer" $R/mnt/xfer
mount -o remount,bind,ro $R/mnt/xfer
mkdir -p $R/tmp/run/ubus $R/tmp/run/wireguard $R/tmp/lock $R/tmp/state $R/tmp/.uci $R/tmp/log \
	$R/tmp/resolv.conf.d $R/tmp/etc
echo owrt-test > $R/tmp/hostname

# On OpenWrt these are directories packages install into; the prefix's farm has them as links
# into the read-only prefix. Copy them into the (persistent) /usr layer once.
for d in share/ucode share/nftables.d; do
	if [ -L "$R/usr/$d" ]; then
		t=$(readlink "$R/usr/$d")
		rm "$R/usr/$d"
		mkdir -p "$R/usr/$d"
		cp -a "$t/." "$R/usr/$d/"
	fi
done
mkdir -p $R/usr/lib/opkg/info $R/usr/share/nftables.d/ruleset-post $R/etc/rc.d

ip link set lo up
# what base-files' /etc/sysctl.d/10-default.conf (applied by /etc/init.d/sysctl) sets on a router,
# but IPv6 forwarding: this LAN has no IPv6 (the tier's splitwg has ipv6 '0', and with forwarding
# on `splitwg doctor` rightly reports IPv6 forwarded without classification)
sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=0 net.ipv4.conf.default.arp_ignore=1 \
	net.ipv4.conf.all.arp_ignore=1 net.ipv4.tcp_syncookies=1

printf '::sysinit:/etc/init.d/rcS S boot\n::shutdown:/etc/init.d/rcS K shutdown\n' > $R/etc/inittab
exec chroot $R /usr/bin/env -i container=owrt-test TERM=dumb HOME=/root \
	PATH=/usr/sbin:/usr/bin:/sbin:/bin /sbin/procd
