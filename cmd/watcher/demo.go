package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"maintwatch/demoweb"
	"maintwatch/store"
)

func runDemo(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("demo", sio.errOut)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` for the feed and pages")
	noServe := fs.Bool("no-serve", false, "crawl and print the flagged sites, then exit (no server)")
	var cf crawlFlags
	// The demo shops are our own servers on loopback: a short politeness
	// delay keeps the demo quick while still exercising the per-host queue.
	cf.register(fs, 100*time.Millisecond)
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher demo [--addr 127.0.0.1:8080] [--db PATH]\n"+
			"Starts the bundled demo shops on 127.0.0.1, imports them into a fresh database\n"+
			"(a temporary one unless --db names a file that does not exist yet), crawls them\n"+
			"once and serves the feed until Ctrl-C.")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher demo [flags]"); err != nil {
		return err
	}
	if err := cf.validate(); err != nil {
		return err
	}
	if g.dbSet {
		if _, err := os.Stat(g.db); err == nil {
			return fmt.Errorf("demo: %s already exists; the demo needs a fresh database (omit --db for a temporary one)", g.db)
		}
	} else {
		dir, err := os.MkdirTemp("", "maintwatch-demo-")
		if err != nil {
			return fmt.Errorf("demo: temporary folder: %w", err)
		}
		defer os.RemoveAll(dir)
		g.db = filepath.Join(dir, "demo.db")
	}
	// The demo crawls its own loopback shops: private addresses are allowed
	// for this command only, whatever --allow-private says.
	g.allowPrivate = true

	web, err := demoweb.StartDemo(g.clock)
	if err != nil {
		return fmt.Errorf("demo: start shops: %w", err)
	}
	defer web.Close()
	fmt.Fprintf(sio.out, "demo: %d shops on 127.0.0.1, database %s\n", len(web.Shops), g.db)

	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sites, err := parseSitesFile(strings.NewReader(web.SitesFile()))
	if err != nil {
		return fmt.Errorf("demo: sites: %w", err)
	}
	if _, err := db.AddSites(ctx, sites); err != nil {
		return err
	}
	r, err := g.newRunner(db, cf)
	if err != nil {
		return err
	}
	sum, err := r.Run(ctx)
	if err != nil {
		return err
	}
	printSummary(sio.out, sum)
	if err := printFlagged(ctx, db, sio); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	fmt.Fprintln(sio.out, "Ctrl-C stops the server and the demo shops.")
	return serveUntilDone(ctx, g, ln, db, prometheus.NewRegistry(), "", sio, nil)
}

// printFlagged lists the flagged sites with their state, one a line.
func printFlagged(ctx context.Context, db *store.DB, sio stdio) error {
	sites, err := db.Sites(ctx)
	if err != nil {
		return err
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Score > sites[j].Score })
	fmt.Fprintln(sio.out, "flagged sites:")
	n := 0
	for _, s := range sites {
		if !s.Status.Flagged() {
			continue
		}
		n++
		fmt.Fprintf(sio.out, "  %-14s %.2f  %s  %s\n", s.Status, s.Score, s.URL, s.Name)
	}
	if n == 0 {
		fmt.Fprintln(sio.out, "  (none)")
	}
	return nil
}
