package crawler

import (
	"net/url"
	"strings"
	"sync"
)

// schedule hands out sites so that no two workers crawl the same host at
// once and every worker stays busy while some host has sites left. A host's
// sites are taken one at a time and the host goes to the back of the line
// after each, so a list with many shops on one host neither ties up workers
// behind that host's gate nor leaves them idle at the end of the cycle.
type schedule struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending map[string][]string // host → sites not yet handed out
	ready   []string            // hosts with pending sites and no worker, in turn order
	busy    int                 // hosts being crawled
}

func newSchedule(sites []string) *schedule {
	s := &schedule{pending: map[string][]string{}}
	s.cond = sync.NewCond(&s.mu)
	for _, site := range sites {
		h := hostKey(site)
		if _, ok := s.pending[h]; !ok {
			s.ready = append(s.ready, h)
		}
		s.pending[h] = append(s.pending[h], site)
	}
	return s
}

// hostKey is the site's host with port, lower case; a site that does not
// parse is its own key.
func hostKey(site string) string {
	if u, err := url.Parse(strings.TrimSpace(site)); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return site
}

// next returns a site whose host no worker holds, waiting while every host
// with sites left is busy. ok is false when no site is left.
func (s *schedule) next() (site, host string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.ready) == 0 {
		if s.busy == 0 {
			return "", "", false
		}
		s.cond.Wait()
	}
	host = s.ready[0]
	s.ready = s.ready[1:]
	q := s.pending[host]
	site, s.pending[host] = q[0], q[1:]
	s.busy++
	return site, host, true
}

// done releases host after one of its sites.
func (s *schedule) done(host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.busy--
	if len(s.pending[host]) > 0 {
		s.ready = append(s.ready, host)
	} else {
		delete(s.pending, host)
	}
	s.cond.Broadcast()
}

// drop forgets every site not yet handed out (cancellation).
func (s *schedule) drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ready = nil
	clear(s.pending)
	s.cond.Broadcast()
}
