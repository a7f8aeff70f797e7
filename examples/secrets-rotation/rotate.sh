#!/bin/sh
# Rotates the secrets directory DIR the way the kubelet updates a secret volume:
# writes every value into a new timestamped directory, points a temporary
# ..data_tmp link at it, renames that link over ..data in one step, then
# removes the old directory. Readers see the old set or the new set, never a mix.
#
# usage: rotate.sh DIR [KEY | KEY=VALUE]...
# KEY=VALUE sets a value, a bare KEY gets a fresh random one; the other keys of
# DIR keep theirs (the new directory holds the whole set, as the kubelet's does).
set -eu
dir=${1:?usage: rotate.sh DIR [KEY | KEY=VALUE]...}
shift
cd "$dir"
old=$(readlink ..data)
new=..$(date -u +%Y_%m_%d_%H_%M_%S).$$
mkdir "$new"
chmod 700 "$new"
cp -p "$old"/* "$new"/
for pair in "$@"; do
    key=${pair%%=*}
    case $pair in
        *=*) value=${pair#*=} ;;
        *) value=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n') ;;
    esac
    printf '%s\n' "$value" > "$new/$key"
done
chmod 600 "$new"/*
ln -s "$new" ..data_tmp
mv -T ..data_tmp ..data
for key in $(ls "$new"); do
    [ -L "$key" ] || ln -s "..data/$key" "$key"
done
rm -rf "$old"
