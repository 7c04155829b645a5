# shellcheck shell=bash
# Shared by the CI scripts (sourced, not run).

# Runs a command as root: directly when this is root, else with sudo (GitHub's runners).
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "Installing needs root (apt-get): run as root, or install by hand: $*" >&2
		return 1
	fi
}

# Installs Debian/Ubuntu packages quietly.
apt_install() { # package...
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

java_major() { # java home
	"$1/bin/java" -XshowSettings:properties -version 2>&1 |
		sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Prints the home of a JDK of at least the given version: the one the variable named first
# gives, else JAVA_HOME, else JAVA_HOME_<n>_X64 (GitHub's setup-java), else the newest under
# /usr/lib/jvm. Fails, saying where it looked, when there is none.
find_jdk() { # minimum major version, variable that may name one
	local minimum=$1 preferred=${2:-} candidate candidates=()
	[[ -n $preferred && -n ${!preferred:-} ]] && candidates+=("${!preferred}")
	[[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
	for candidate in $(compgen -v | grep -E '^JAVA_HOME_[0-9]+_X64$' | sort -t_ -k3 -n -r); do
		candidates+=("${!candidate}")
	done
	for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
		candidates+=("${candidate%/}")
	done
	for candidate in "${candidates[@]}"; do
		if [[ -x $candidate/bin/java ]] && (($(java_major "$candidate" || echo 0) >= minimum)); then
			echo "$candidate"
			return 0
		fi
	done
	echo "No JDK $minimum or newer found (looked at ${preferred:+$preferred, }JAVA_HOME, JAVA_HOME_<n>_X64 and" \
		"/usr/lib/jvm/*): install one (for example apt-get install temurin-$minimum-jdk, or" \
		"https://adoptium.net) and set ${preferred:-JAVA_HOME} to it" >&2
	return 1
}
