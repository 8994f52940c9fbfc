package crawler

import (
	"errors"
	"net"
	"net/netip"
	"syscall"
)

// errPrivate is what the dial guard's errors match; fetch classifies it as
// ErrPrivate.
var errPrivate = errors.New("crawler: refusing non-public address")

// refusedError names the refused address.
type refusedError struct{ addr string }

func (e *refusedError) Error() string        { return errPrivate.Error() + ": " + e.addr }
func (e *refusedError) Is(target error) bool { return target == errPrivate }

// refusal is the one line a Fetch records for a refused address.
func refusal(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err == nil && privateAllowed(ip) {
		return "refused: " + addr + " is a loopback or private address (allowed only with --allow-private)"
	}
	return "refused: " + addr + " is not a public address (link-local, reserved or multicast: never crawled)"
}

// nonPublic lists ranges a shop on the public web never lives in, beyond
// what netip's predicates cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // CGNAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("100::/64"),       // discard-only
	netip.MustParsePrefix("2002::/16"),      // 6to4 can embed any IPv4, private ones included
	netip.MustParsePrefix("192.88.99.0/24"), // 6to4 relay anycast
	netip.MustParsePrefix("64:ff9b::/96"),   // NAT64 can reach private IPv4 behind a translator
	netip.MustParsePrefix("2001::/32"),      // Teredo tunnels embed arbitrary IPv4
	netip.MustParsePrefix("2001:10::/28"),   // ORCHID
	netip.MustParsePrefix("2001:20::/28"),   // ORCHIDv2
	netip.MustParsePrefix("255.255.255.255/32"),
}

// publicAddr reports whether ip is a public unicast address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// privateAllowed is what AllowPrivate (--allow-private) admits: loopback
// and private networks (RFC 1918, CGNAT, IPv6 ULA), where a demo or an
// intranet shop lives. Link-local (169.254.169.254 is the cloud metadata
// service), unspecified (0.0.0.0 reaches the local host), multicast and
// reserved ranges stay refused even then: no shop lives there, and a
// redirect to the metadata service is the classic server-side request
// forgery.
func privateAllowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || cgnat.Contains(ip)
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// dialControl returns the dialer's Control hook. It runs after DNS
// resolution and before connect, for every connection the transport opens,
// redirects included: the one place a DNS name pointing at 127.0.0.1 or a
// redirect to 169.254.169.254 cannot slip past.
func dialControl(allowPrivate bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return &refusedError{addr: address}
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return &refusedError{addr: host}
		}
		if publicAddr(ip) || (allowPrivate && privateAllowed(ip)) {
			return nil
		}
		return &refusedError{addr: ip.Unmap().String()}
	}
}
