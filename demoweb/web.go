package demoweb

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Shop is one served shop as callers see it.
type Shop struct {
	Name     string
	Platform string // the extract.Platform* value its markup imitates
	Charset  string // "utf-8", "shift_jis", "euc-jp"
	Scenario Scenario
	Start    time.Time // day 0 of the scenario (its first notice)
	URL      string    // top page, set once started, e.g. http://127.0.0.1:PORT/
	// Suspicious is the ground truth at time t: should a careful watcher flag
	// this shop at t? It assumes the watcher crawls at least daily; see the
	// package comment for each scenario's truth.
	Suspicious func(t time.Time) bool
}

// Web is a set of running shops, each on its own 127.0.0.1 listener.
type Web struct {
	Shops []*Shop

	servers []*http.Server
	raw     []net.Listener // listeners served by hand (hostile shops)
	done    chan struct{}  // closed by Close: long-running handlers return
	wg      sync.WaitGroup // hand-served accept loops and their connections
	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	closed  bool
}

func newWeb() *Web {
	return &Web{done: make(chan struct{}), conns: map[net.Conn]struct{}{}}
}

// serve starts h on a fresh loopback listener and records the shop's URL.
func (w *Web) serve(sh *Shop, h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("demoweb: listen for %s: %w", sh.Name, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		// Idle keep-alive connections of 2000 shops would hold 2000 file
		// descriptors in the client too; a short idle timeout frees them.
		IdleTimeout: 30 * time.Second,
	}
	w.servers = append(w.servers, srv)
	sh.URL = "http://" + ln.Addr().String() + "/"
	w.Shops = append(w.Shops, sh)
	go func() { _ = srv.Serve(ln) }()
	return nil
}

// SitesFile returns "URL,name" lines, ready for `watcher sites import`.
func (w *Web) SitesFile() string {
	// No comment line: callers split the lines themselves.
	var b strings.Builder
	for _, s := range w.Shops {
		// A comma in a name would split the line: the contract has no
		// quoting, so it is replaced.
		fmt.Fprintf(&b, "%s,%s\n", s.URL, strings.ReplaceAll(s.Name, ",", "、"))
	}
	return b.String()
}

// Shop returns the shop with the given name, or nil.
func (w *Web) Shop(name string) *Shop {
	for _, s := range w.Shops {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Close stops every shop. It does not wait for slow handlers: they watch the
// web's done channel and their request's context, and return at once.
func (w *Web) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	close(w.done)
	for c := range w.conns {
		_ = c.Close()
	}
	w.mu.Unlock()
	var errs []error
	for _, srv := range w.servers {
		if err := srv.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	for _, ln := range w.raw {
		if err := ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	w.wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("demoweb: close: %w", err)
	}
	return nil
}

// start builds and serves the shops of specs; on any error it closes what
// it started.
func startShops(specs []spec, now func() time.Time) (*Web, error) {
	if err := raiseFileLimit(len(specs)); err != nil {
		return nil, err
	}
	w := newWeb()
	for _, sp := range specs {
		s := newShop(sp, now)
		if err := w.serve(s.pub, s); err != nil {
			_ = w.Close()
			return nil, err
		}
	}
	return w, nil
}
