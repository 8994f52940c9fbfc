//go:build unix

package demoweb

import (
	"fmt"
	"syscall"
)

// raiseFileLimit makes room for n listeners plus their connections and the
// crawler's own sockets in the same process. One listener per shop is the
// point (a crawler's per-host politeness must see separate hosts), so when the
// soft limit is too low it is raised toward the hard limit rather than
// multiplexing shops on one port.
func raiseFileLimit(n int) error {
	want := uint64(4*n + 256)
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("demoweb: read file limit: %w", err)
	}
	if lim.Cur >= want {
		return nil
	}
	lim.Cur = min(want, lim.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("demoweb: raise file limit to %d: %w", lim.Cur, err)
	}
	if lim.Cur < uint64(n+64) {
		return fmt.Errorf("demoweb: %d shops need more open files than the hard limit %d allows", n, lim.Max)
	}
	return nil
}
