package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"maintwatch/feeds"
)

func runFeed(ctx context.Context, g *globals, args []string, sio stdio) error {
	fs := g.flagSet("feed", sio.errOut)
	format := fs.String("format", "rss", "feed format: rss, atom or json")
	status := fs.String("status", "", "only these statuses (comma list of suspected, escalated, confirmed_leak, resolved)")
	minScore := fs.String("min-score", "", "only episodes scoring at least this (0..1)")
	platform := fs.String("platform", "", "only sites on this platform (e.g. eccube2)")
	since := fs.String("since", "", "only episodes updated since (RFC 3339 or YYYY-MM-DD)")
	limit := fs.Int("limit", feeds.DefaultLimit, "most recently updated episodes at most")
	baseURL := fs.String("base-url", "http://127.0.0.1:8080", "where `watcher serve` publishes, for links in the feed")
	fs.Usage = func() {
		fmt.Fprintln(sio.errOut, "usage: watcher feed --format rss|atom|json [filters]")
		fs.PrintDefaults()
	}
	pos, err := g.parseCommand(fs, args, sio.errOut)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, "watcher feed --format rss|atom|json"); err != nil {
		return err
	}
	if err := oneOf("format", *format, "rss", "atom", "json"); err != nil {
		return err
	}
	// The same validation as the server's query string, so both accept and
	// refuse the same filters.
	v := url.Values{}
	for k, s := range map[string]string{"status": *status, "min_score": *minScore, "platform": *platform, "since": *since, "limit": strconv.Itoa(*limit)} {
		if s != "" {
			v.Set(k, s)
		}
	}
	q, err := feeds.ParseQuery(v)
	if err != nil {
		if errors.Is(err, feeds.ErrBadQuery) {
			return usageError{err.Error()}
		}
		return err
	}
	db, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	return feeds.Write(ctx, db, sio.out, *format, q, g.clock(), *baseURL)
}
