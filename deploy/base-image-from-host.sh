#!/usr/bin/env bash
# Makes a minimal Java 17 base image from this machine's own JDK, as a `docker save` tarball,
# for building Lotkeeper's image where no registry is reachable:
#
#   deploy/base-image-from-host.sh target/base-image.tar
#   ./mvnw -B -pl sync-server -am -Pimage package -DskipTests \
#       -Dquarkus.jib.base-jvm-image=tar://$PWD/target/base-image.tar
#
# The image holds a JRE made by jlink from $JAVA_HOME (default: the JDK that runs `javac`), the
# shared libraries it links to as this machine has them, /etc/passwd with the user 185 that
# Quarkus's image runs as, /etc/nsswitch.conf and /tmp. No shell and no package manager. Where a
# registry is reachable, use the profile's default base (Eclipse Temurin's JRE 17) instead:
# this one is only as current as the machine it was made on (docs/OPERATIONS.md, "The image").
set -euo pipefail

out=${1:?usage: base-image-from-host.sh OUT.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$java_home/jmods" ] || { echo "no jmods in $java_home: jlink needs a full JDK" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
jre=/opt/java/openjdk

# every module of the JDK but the tools, so any library the server loads finds what it needs
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' \
  | grep -v -E '^jdk\.(incubator\..*|jshell|jdeps|jlink|jpackage|javadoc|compiler|jartool|jstatd|jcmd|jconsole|hotspot\.agent|editpad|internal\.(ed|le|opt|jvmstat))$' \
  | paste -sd, -)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$root$jre"

# the shared libraries the JRE links to, and the dynamic loader, at the paths they have here
# (not those of the desktop's window, splash screen and sound, which a server never loads)
find "$root$jre" -type f \( -name java -o -name '*.so' \) \
  ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' -print0 \
  | xargs -0 ldd 2>/dev/null \
  | grep -v ':$' \
  | grep -o -E '/[^ ]+\.so[^ ]*' | grep -v "^$root" | sort -u \
  | while read -r lib; do cp -L --parents "$lib" "$root"; done

mkdir -p "$root/etc" "$root/tmp" "$root/home/jboss" "$root/deployments" "$root/proc" "$root/dev" "$root/sys"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:0:Lotkeeper:/home/jboss:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"

# one layer, in the `docker save` layout: manifest.json, the config, the layer
# (all root's but the two directories of the user 185: its home and /deployments, the data volume)
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" \
  --exclude=./home/jboss --exclude=./deployments -cf "$work/layer.tar" .
tar --mtime=@0 --owner=185 --group=0 --numeric-owner -C "$root" --no-recursion \
  -rf "$work/layer.tar" ./home/jboss ./deployments
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
cat > "$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=$jre/bin:/usr/bin:/bin","JAVA_HOME=$jre","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
EOF
printf '[{"Config":"config.json","RepoTags":["lotkeeper/base-from-host:17"],"Layers":["layer.tar"]}]\n' \
  > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: $(du -h "$out" | cut -f1), JRE from $java_home"
